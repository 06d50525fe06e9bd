package kz.qujat.workstation.ui;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import kz.qujat.client.CentralClient;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestPostgres;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;
import kz.qujat.workstation.AppContext;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.UserSettings;
import kz.qujat.workstation.WorkstationApp;
import kz.qujat.workstation.WorkstationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The memory benchmark of the officer's window (a harness, not part of the suite: its name is not a test's
 * name, so {@code verify} leaves it out). It opens many reviews in the real headless window against a real
 * central service run as its own process (so the resident set is the workstation's), the way an officer does (select a line of the queue, take it, wait for the images and the
 * checks, give it back), switching the language every 25 reviews, and prints after each 50 the process's
 * resident set as the window holds it, then the heap after a full GC, the heap the JVM keeps and the resident
 * set after that collection, with the figures right after login as the baseline. The window starts as the
 * product starts it ({@code WorkstationApp}, which applies {@code WorkstationMemory}); the JVM is surefire's,
 * with the default heap limit of the machine, as {@code java -jar qujat.jar workstation} would have:
 * <pre>
 * ./mvnw -B -o test -Dtest=ReviewMemoryBench -Dsurefire.failIfNoSpecifiedTests=false [-Dqujat.bench.reviews=200]
 * </pre>
 * Target: RSS at most 450 MB after 200 reviews (judged on the RSS read before the forced collection).
 */
class ReviewMemoryBench extends FxRobot {
    private static final long WAIT_SECONDS = 120;
    private static final long TARGET_RSS_MB = 450;
    private static final Locale[] LANGUAGES = {I18n.RUSSIAN, I18n.KAZAKH, I18n.ENGLISH};

    @TempDir
    Path data;

    @Test
    void openReviewsAndPrintMemory() throws Exception {
        int reviews = Integer.getInteger("qujat.bench.reviews", 200);
        int applications = Integer.getInteger("qujat.bench.applications", 20);
        try (CentralProcess central = new CentralProcess(data.resolve("central.log"))) {
            SyntheticApplicants people = new SyntheticApplicants(11, KzTime.today(Clock.systemUTC()), 0);
            CentralClient intake = new CentralClient(central.url);
            for (int i = 0; i < applications; i++) {
                SyntheticApplicant person = people.next(Region.ASTANA);
                intake.putRegistryPerson(person.toRegistryPerson(), CentralProcess.FEED_KEY.toCharArray());
                intake.submit(person.toIntakeRequest());
            }
            Files.writeString(data.resolve("settings.properties"), UserSettings.KEY_FILE + "="
                    + DevIdentities.file("officer-astana.p12").toAbsolutePath().toString().replace("\\", "\\\\")
                    + "\n" + UserSettings.OPEN_NEXT + "=false\n");
            WorkstationConfig config = new WorkstationConfig(central.url, data, DevIdentities.file("trust"),
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
                        histogram(i);
                    }
                }
                System.out.printf("after %d reviews: RSS %d MB, target <= %d MB: %s%n", reviews, last.rssMb(),
                        TARGET_RSS_MB, last.rssMb() <= TARGET_RSS_MB ? "met" : "NOT met");
            } finally {
                FxToolkit.cleanupApplication(app);
                FxToolkit.cleanupStages();
            }
        }
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
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Files.createDirectories(Path.of(dir));
        Files.writeString(Path.of(dir, "histo-" + reviews + ".txt"), String.valueOf(text));
        if (Boolean.getBoolean("qujat.bench.heapdumps")) {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(Path.of(dir, "heap-" + reviews + ".hprof").toString(), true);
        }
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
        kz.qujat.testsupport.FxAwait.until(java.time.Duration.ofSeconds(WAIT_SECONDS),
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

    /** The central service as its own process on a fresh database, with the development staff and trust. */
    private static final class CentralProcess implements AutoCloseable {
        static final String FEED_KEY = "feed-key-for-the-memory-bench-0123";
        final String url;
        private final Process process;

        CentralProcess(Path log) throws Exception {
            Path key = Files.writeString(log.resolveSibling("feed.key"), FEED_KEY);
            java.util.List<String> command = java.util.List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), "kz.qujat.Main", "central", "--port", "0",
                    "--db", TestPostgres.freshJdbcUrl(), "--trust", DevIdentities.file("trust").toString(),
                    "--staff", DevIdentities.file("staff-dev.csv").toString(),
                    "--registry-feed-key-file", key.toString());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Await.until(Duration.ofSeconds(WAIT_SECONDS), "the central service to listen",
                    () -> !process.isAlive() || listening(log) != null);
            String found = listening(log);
            if (found == null) {
                process.destroyForcibly();
                throw new IllegalStateException("the central service did not start; see " + log);
            }
            url = found;
        }

        private static String listening(Path log) {
            try {
                return Files.readAllLines(log).stream().filter(l -> l.startsWith("Central service listening on "))
                        .map(l -> l.substring("Central service listening on ".length()).trim()).findFirst()
                        .orElse(null);
            } catch (java.io.IOException notYet) {
                return null;
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
