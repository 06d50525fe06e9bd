package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qujat.api.Paths;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qujat central} as a real process: prints its URL, serves, and stops cleanly on SIGTERM. */
class CentralProcessTest {
    private static final Pattern URL = Pattern.compile("^Central service listening on (http://\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @Test
    void startsOnAFreePortAndStopsCleanlyOnSigterm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // output goes to a file: Process.destroy() closes the pipes, and we want to read what the hook logs
        Path out = tmp.resolve("central.out");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "kz.qujat.Main",
                "central", "--port", "0", "--db", TestPostgres.freshJdbcUrl(),
                "--trust", DevIdentities.dir().resolve("trust").toString(),
                "--staff", DevIdentities.dir().resolve("staff-dev.csv").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Matcher m = URL.matcher(Files.readString(out, StandardCharsets.UTF_8));
            while (!m.find() && p.isAlive() && System.nanoTime() < deadline) {
                p.waitFor(100, TimeUnit.MILLISECONDS);
                m = URL.matcher(Files.readString(out, StandardCharsets.UTF_8));
            }
            assertThat(m.find(0)).as(Files.readString(out, StandardCharsets.UTF_8)).isTrue();
            String base = m.group(1);
            assertThat(new Http(base).get(Paths.HEALTH, null).json().get("status").asText()).isEqualTo("UP");
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(log).contains("central service stopped").contains("DEMONSTRATION policy");
        } finally {
            p.destroyForcibly();
        }
    }

    /** SIGTERM with an embedded database stops its PostgreSQL and leaves none behind (the watchdog used to start it
     * again while the program was stopping: an orphaned postmaster on the data folder). */
    @Test
    void sigtermWithAnEmbeddedDatabaseLeavesNoPostgresBehind() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = tmp.resolve("central-embedded.out");
        Path data = tmp.resolve("db");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "kz.qujat.Main",
                "central", "--port", "0", "--db", "embedded:" + data,
                "--trust", DevIdentities.dir().resolve("trust").toString(),
                "--staff", DevIdentities.dir().resolve("staff-dev.csv").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!URL.matcher(Files.readString(out, StandardCharsets.UTF_8)).find() && p.isAlive()
                    && System.nanoTime() < deadline) {
                p.waitFor(100, TimeUnit.MILLISECONDS);
            }
            assertThat(URL.matcher(Files.readString(out, StandardCharsets.UTF_8)).find())
                    .as(Files.readString(out, StandardCharsets.UTF_8)).isTrue();
            Thread.sleep(1500); // the watchdog has looked at least once
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // a postmaster started during the shutdown would still be there a few seconds later
            Thread.sleep(3000);
            java.util.Optional<ProcessHandle> left = postmaster(data.resolve("pgdata"));
            left.ifPresent(ProcessHandle::destroyForcibly);
            assertThat(left).as(Files.readString(out, StandardCharsets.UTF_8)).isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }

    /** The live process named by the data folder's postmaster.pid, if any. */
    private static java.util.Optional<ProcessHandle> postmaster(Path pgdata) throws java.io.IOException {
        Path pid = pgdata.resolve("postmaster.pid");
        if (!Files.isRegularFile(pid)) {
            return java.util.Optional.empty();
        }
        java.util.List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return java.util.Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }
}
