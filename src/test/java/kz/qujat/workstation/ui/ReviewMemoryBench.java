package kz.qujat.workstation.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.qujat.client.CentralClient;
import kz.qujat.domain.KzTime;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestPostgres;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;
import kz.qujat.workstation.UserSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory benchmark of the officer's window (a harness, not part of the suite: its name is not a test's
 * name, so {@code verify} leaves it out). It starts a real central service as its own process, queues
 * applications, then starts the window as a program of its own ({@link ReviewMemoryWindow}) in a JVM given
 * exactly the workstation's options, {@code java @installer/workstation-jvm.options}, the file the installers
 * and the README's start commands use, so the figures are those of the JVM that ships; the window's process
 * holds nothing but the window and the robot that drives it (TestFX's record of every event, which would keep
 * each event's node, is stopped there). It prints what the window prints: after login
 * (the baseline) and after each 50 reviews the resident set, the heap after a full GC and the heap kept.
 * <pre>
 * ./mvnw -B -o test -Dtest=ReviewMemoryBench -Dsurefire.failIfNoSpecifiedTests=false [-Dqujat.bench.reviews=200]
 * </pre>
 * Target: RSS at most 450 MB after 200 reviews (judged on the RSS read before the forced collection). To try an
 * option before it goes into the file, {@code -Dqujat.bench.jvm="-XX:Foo=1 -XX:Bar=2"} adds options after the
 * file's (printed, so a figure taken with them is never mistaken for the shipped one).
 */
class ReviewMemoryBench {
    static final long TARGET_RSS_MB = 450;
    static final Path JVM_OPTIONS = Path.of("installer", "workstation-jvm.options");
    private static final long WAIT_SECONDS = 120;
    /** What the headless window needs from surefire's system properties (see the pom), passed on to its JVM. */
    private static final List<String> PASSED_ON = List.of("testfx.robot", "testfx.headless", "glass.platform",
            "monocle.platform", "headless.geometry", "prism.order", "java.awt.headless", "javafx.cachedir",
            "qujat.certsDev", "qujat.testWork");

    @TempDir
    Path data;

    @Test
    void openReviewsAndPrintMemory() throws Exception {
        int reviews = Integer.getInteger("qujat.bench.reviews", 200);
        int applications = Integer.getInteger("qujat.bench.applications", 20);
        try (CentralProcess central = new CentralProcess(data.resolve("central.log"))) {
            SyntheticApplicants people = SyntheticApplicants.forSubmission(11, KzTime.today(Clock.systemUTC()), 0);
            CentralClient intake = new CentralClient(central.url);
            for (int i = 0; i < applications; i++) {
                SyntheticApplicant person = people.next(Region.ASTANA);
                intake.putRegistryPerson(person.toRegistryPerson(), CentralProcess.FEED_KEY.toCharArray());
                intake.submit(person.toIntakeRequest());
            }
            Path window = Files.createDirectories(data.resolve("window"));
            Files.writeString(window.resolve("settings.properties"), UserSettings.KEY_FILE + "="
                    + DevIdentities.file("officer-astana.p12").toAbsolutePath().toString().replace("\\", "\\\\")
                    + "\n" + UserSettings.OPEN_NEXT + "=false\n");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("@" + JVM_OPTIONS.toAbsolutePath());
            String extra = System.getProperty("qujat.bench.jvm", "").trim();
            if (!extra.isEmpty()) {
                System.out.println("NOT the shipped options: the window's JVM also gets " + extra);
                command.addAll(List.of(extra.split("\\s+")));
            }
            for (String key : PASSED_ON) {
                if (System.getProperty(key) != null) {
                    command.add("-D" + key + "=" + System.getProperty(key));
                }
            }
            // the bench's own diagnostics (-Dqujat.bench.histograms=DIR, -Dqujat.bench.heapdumps=true) are the window's
            for (String key : System.getProperties().stringPropertyNames()) {
                if (key.startsWith("qujat.bench.") && !key.equals("qujat.bench.jvm")) {
                    command.add("-D" + key + "=" + System.getProperty(key));
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReviewMemoryWindow.class.getName(),
                    central.url, window.toString(), Integer.toString(reviews)));
            System.out.println("window JVM options file " + JVM_OPTIONS + ":");
            Files.readAllLines(JVM_OPTIONS).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> System.out.println("  " + l));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // its lines go through this JVM's own output (surefire takes a child's direct writes for noise)
            Thread echo = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                        java.nio.charset.StandardCharsets.UTF_8))) {
                    lines.lines().forEach(System.out::println);
                } catch (java.io.IOException closed) {
                    // the window's program ended
                }
            }, "window-output");
            echo.start();
            try {
                if (!process.waitFor(10 + reviews, TimeUnit.MINUTES)) {
                    throw new AssertionError("the window did not finish " + reviews + " reviews in time");
                }
                echo.join(10_000);
                assertEquals(0, process.exitValue(), "the window's program failed (its output is above)");
            } finally {
                process.destroyForcibly();
            }
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
