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
}
