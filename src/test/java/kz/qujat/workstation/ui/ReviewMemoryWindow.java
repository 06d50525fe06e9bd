package kz.qujat.workstation.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javax.management.ObjectName;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.workstation.AppContext;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.WorkstationApp;
import kz.qujat.workstation.WorkstationConfig;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window side of {@link ReviewMemoryBench}: a program of its own, started by the bench in a JVM with the
 * workstation's options ({@code installer/workstation-jvm.options}), so that what is measured is the JVM that
 * ships. It starts the window as the product does ({@code WorkstationApp}), logs in and opens reviews the way an
 * officer does (select a line of the queue, take it, wait for the images and the checks, give it back),
 * switching the language every 25 reviews, and prints after each 50 the process's resident set as the window
 * holds it, then the heap after a full GC, the heap the JVM keeps and the resident set after that collection,
 * with the figures right after login as the baseline. With {@code -XX:NativeMemoryTracking=summary} among the
 * options it also prints the JVM's own account of its native memory at each of those points.
 *
 * <p>Arguments: CENTRAL_URL DATA_DIR REVIEWS. Exit status 0 when the reviews ran (whatever the figures), 1 when
 * the window could not be driven.
 */
public final class ReviewMemoryWindow extends FxRobot {
    private static final long WAIT_SECONDS = 120;
    private static final Locale[] LANGUAGES = {I18n.RUSSIAN, I18n.KAZAKH, I18n.ENGLISH};

    public static void main(String[] args) {
        try {
            new ReviewMemoryWindow().run(args[0], Path.of(args[1]), Integer.parseInt(args[2]));
            System.exit(0);
        } catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
    }

    private void run(String central, Path data, int reviews) throws Exception {
        System.out.println("window JVM: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        Pauses pauses = Pauses.watch();
        WorkstationConfig config = new WorkstationConfig(central, data, DevIdentities.file("trust"),
                Duration.ofMinutes(60), I18n.RUSSIAN, Duration.ofSeconds(30), Duration.ofSeconds(5));
        FxToolkit.registerPrimaryStage();
        // TestFX keeps every event of its stage (and so each event's node) in a list that only grows: the
        // heap would grow for the harness's sake, not the window's (as with its lookup, below)
        kz.qujat.testsupport.TestFxEvents.stopRecording();
        var app = FxToolkit.setupApplication(() -> new WorkstationApp(
                () -> new AppContext(config, BackgroundTask.forFx(), Clock.systemUTC())));
        try {
            logIn();
            Memory baseline = Memory.now();
            System.out.printf("reviews %4d: %s (baseline, after login)%n", 0, baseline);
            pauses.printAndReset();
            nativeMemory();
            Memory last = baseline;
            for (int i = 1; i <= reviews; i++) {
                openAndRelease(i);
                if (i % 25 == 0) {
                    Locale to = LANGUAGES[(i / 25) % LANGUAGES.length];
                    interact(() -> this.<ComboBox<Locale>>node("#language").setValue(to));
                    waitFor(() -> queueShown() && to.equals(this.<ComboBox<Locale>>node("#language").getValue()));
                }
                if (i % 10 == 0) {
                    System.out.printf("reviews %4d opened%n", i);
                }
                if (i % 50 == 0 || i == reviews) {
                    last = Memory.now();
                    System.out.printf("reviews %4d: %s, RSS %.2fx the baseline%n", i, last,
                            (double) last.rssMb() / baseline.rssMb());
                    pauses.printAndReset();
                    nativeMemory();
                    histogram(i);
                }
            }
            System.out.printf("after %d reviews: RSS %d MB, target <= %d MB: %s%n", reviews, last.rssMb(),
                    ReviewMemoryBench.TARGET_RSS_MB, last.rssMb() <= ReviewMemoryBench.TARGET_RSS_MB ? "met" : "NOT met");
        } finally {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    /**
     * The collector's pauses while the window worked (the forced collections of the measurements left out), so a
     * heap setting that saves memory is seen with what the officer pays for it: collections, their longest pause.
     */
    private static final class Pauses {
        private long count;
        private long totalMs;
        private long longestMs;
        private String longest = "-";

        static Pauses watch() {
            Pauses pauses = new Pauses();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                    if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(n.getType())) {
                        return;
                    }
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) n.getUserData());
                    if (!"System.gc()".equals(info.getGcCause())) {
                        pauses.add(info.getGcName() + " (" + info.getGcCause() + ")", info.getGcInfo().getDuration());
                    }
                }, null, null);
            }
            return pauses;
        }

        private synchronized void add(String what, long ms) {
            count++;
            totalMs += ms;
            if (ms >= longestMs) {
                longestMs = ms;
                longest = what;
            }
        }

        synchronized void printAndReset() {
            System.out.printf("  collections since the last line: %d, %d ms in all, longest %d ms: %s%n", count,
                    totalMs, longestMs, longest);
            count = 0;
            totalMs = 0;
            longestMs = 0;
            longest = "-";
        }
    }

    /**
     * Diagnostics only, off unless {@code -Dqujat.bench.histograms=DIR} is given: writes the live class
     * histogram (as {@code jcmd <pid> GC.class_histogram} prints it) to {@code DIR/histo-<reviews>.txt}, to compare
     * what the heap holds after 50 and after 150 reviews. It changes nothing the bench measures: it runs after
     * the figures are read. With {@code -Dqujat.bench.heapdumps=true} it also writes a heap dump of the live
     * objects ({@code heap-<reviews>.hprof}) beside it, to follow a leaked object to what holds it.
     */
    private static void histogram(int reviews) throws Exception {
        String dir = System.getProperty("qujat.bench.histograms");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Files.createDirectories(Path.of(dir));
        Files.writeString(Path.of(dir, "histo-" + reviews + ".txt"), String.valueOf(text));
        if (Boolean.getBoolean("qujat.bench.heapdumps")) {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(Path.of(dir, "heap-" + reviews + ".hprof").toString(), true);
        }
    }

    /** The JVM's Native Memory Tracking summary (as {@code jcmd PID VM.native_memory summary}), when it is on. */
    private static void nativeMemory() throws Exception {
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .noneMatch(a -> a.startsWith("-XX:NativeMemoryTracking=") && !a.endsWith("=off"))) {
            return;
        }
        Object summary = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                new Object[] {new String[] {"summary", "scale=MB"}}, new String[] {String[].class.getName()});
        System.out.println(summary);
    }

    /** Takes the queue's line {@code n} (modulo its length), waits for the review and its checks, releases it. */
    private void openAndRelease(int n) throws TimeoutException {
        waitFor(() -> !this.<TableView<?>>node("#queueTable").getItems().isEmpty());
        interact(() -> {
            TableView<?> table = node("#queueTable");
            table.getSelectionModel().select(n % table.getItems().size());
            this.<Button>node("#takeSelected").fire();
        });
        waitFor(() -> {
            Label ticket = node("#reviewTicket");
            Button approve = node("#approve");
            TableView<?> checks = node("#checks");
            return ticket != null && !ticket.getText().isEmpty() && approve != null && !approve.isDisabled()
                    && node("#photoCanvas") != null && checks != null && !checks.getItems().isEmpty();
        });
        interact(() -> this.<Button>node("#release").fire());
        waitFor(this::queueShown);
    }

    private boolean queueShown() {
        Node queue = node("#queueTable");
        return queue != null && queue.isVisible() && queue.getScene() != null;
    }

    /**
     * The node with this selector in a showing window, found the way the window's own code would
     * ({@link javafx.scene.Scene#lookup}); call on the FX thread. TestFX's {@code lookup} is not used in the
     * loop: it prints every window's nodes into a string on each call, which in a polling loop allocates more
     * than the reviews themselves and would make the heap grow for the harness's sake, not the window's.
     */
    @SuppressWarnings("unchecked")
    private <T extends Node> T node(String selector) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null) {
                Node found = w.getScene().lookup(selector);
                if (found != null) {
                    return (T) found;
                }
            }
        }
        return null;
    }

    private void logIn() throws TimeoutException {
        waitFor(() -> node("#password") != null);
        clickOn("#password").write(DevIdentities.PASSWORD);
        clickOn("#showCertificate");
        waitFor(() -> !this.<Button>node("#logIn").isDisabled());
        clickOn("#logIn");
        waitFor(this::queueShown);
    }

    /** Polls {@code condition} on the FX thread (where the nodes live) until it holds. */
    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        kz.qujat.testsupport.FxAwait.until(Duration.ofSeconds(WAIT_SECONDS),
                () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /**
     * The resident set as the window holds it (read first, before anything is collected), then the heap in use
     * after a full collection, the heap the JVM then keeps, and the resident set after that collection.
     */
    private record Memory(long rssMb, long heapMb, long committedMb, long rssAfterGcMb) {
        static Memory now() throws Exception {
            long rss = readRssMb();
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return new Memory(rss, heap.getUsed() >> 20, heap.getCommitted() >> 20, readRssMb());
        }

        private static long readRssMb() throws java.io.IOException {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) >> 10).orElse(-1L);
        }

        @Override
        public String toString() {
            return "RSS " + rssMb + " MB; after a full GC: heap " + heapMb + " MB (committed " + committedMb
                    + " MB), RSS " + rssAfterGcMb + " MB";
        }
    }
}
