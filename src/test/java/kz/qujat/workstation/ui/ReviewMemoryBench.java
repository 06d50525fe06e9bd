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

/**
 * The memory benchmark of the officer's window (a harness, not part of the suite: its name is not a test's
 * name, so {@code verify} leaves it out). It opens many reviews in the real headless window against a real
 * central service run as its own process (so the resident set is the workstation's), the way an officer does (select a line of the queue, take it, wait for the images and the
 * checks, give it back), switching the language every 25 reviews, and prints the heap after a full GC and the
 * process's resident set after each 50, with the figures right after login as the baseline:
 * <pre>
 * ./mvnw -B -o test -Dtest=ReviewMemoryBench -Dsurefire.failIfNoSpecifiedTests=false [-Dqujat.bench.reviews=200]
 * </pre>
 * Target: RSS at most 450 MB after 200 reviews.
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
                        interact(() -> lookup("#language").<ComboBox<Locale>>query().setValue(to));
                        waitFor(() -> lookup("#queueTable").tryQuery().map(Node::isVisible).orElse(false)
                                && lookup("#language").<ComboBox<Locale>>query().getValue().equals(to));
                    }
                    if (i % 10 == 0) {
                        System.out.printf("reviews %4d opened%n", i);
                    }
                    if (i % 50 == 0 || i == reviews) {
                        last = Memory.now();
                        System.out.printf("reviews %4d: %s, RSS %.2fx the baseline%n", i, last,
                                (double) last.rssMb() / baseline.rssMb());
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
        waitFor(() -> !lookup("#queueTable").queryAs(TableView.class).getItems().isEmpty());
        interact(() -> {
            TableView<?> table = lookup("#queueTable").queryAs(TableView.class);
            table.getSelectionModel().select(n % table.getItems().size());
            lookup("#takeSelected").queryAs(Button.class).fire();
        });
        waitFor(() -> lookup("#reviewTicket").tryQuery().map(l -> !((Label) l).getText().isEmpty()).orElse(false)
                && !lookup("#approve").queryAs(Button.class).isDisabled()
                && lookup("#photoCanvas").tryQuery().isPresent()
                && !lookup("#checks").queryAs(TableView.class).getItems().isEmpty());
        interact(() -> lookup("#release").queryAs(Button.class).fire());
        waitFor(() -> lookup("#queueTable").tryQuery().map(Node::isVisible).orElse(false));
    }

    private void logIn() throws TimeoutException {
        waitFor(() -> lookup("#password").tryQuery().isPresent());
        clickOn("#password").write(DevIdentities.PASSWORD);
        clickOn("#showCertificate");
        waitFor(() -> !lookup("#logIn").queryAs(Button.class).isDisabled());
        clickOn("#logIn");
        waitFor(() -> lookup("#queueTable").tryQuery().map(Node::isVisible).orElse(false));
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        kz.qujat.testsupport.FxAwait.until(java.time.Duration.ofSeconds(WAIT_SECONDS), condition);
    }

    /** The heap in use after a full collection, the heap the JVM holds, and the resident set of the process. */
    private record Memory(long heapMb, long committedMb, long rssMb) {
        static Memory now() throws Exception {
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) >> 10).orElse(-1L);
            return new Memory(heap.getUsed() >> 20, heap.getCommitted() >> 20, rss);
        }

        @Override
        public String toString() {
            return "heap " + heapMb + " MB (committed " + committedMb + " MB), RSS " + rssMb + " MB";
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
