package kz.qujat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kz.qujat.Main;
import kz.qujat.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A server's embedded PostgreSQL: durable; after the server is SIGKILLed its orphaned postgres is taken over
 * by the next start (not a minute's wait and a stack trace); a folder a live program uses is refused in one
 * line; a postgres that dies under a running server is started again.
 */
class EmbeddedTakeoverTest {

    @Test
    void theOrphanOfAKilledOwnerIsTakenOverAtOnce(@TempDir Path dir) throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            List<String> seen = new ArrayList<>();
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                seen.add(line);
            }
            assertThat(line).as("the owner started its database; it said %s", seen).isEqualTo("READY");
            ProcessHandle orphan = Postmaster.livePostmaster(dir.resolve("pgdata")).orElseThrow();
            owner.destroyForcibly();
            owner.waitFor(30, TimeUnit.SECONDS);
            assertThat(orphan.isAlive()).as("SIGKILL of the owner leaves its postgres running").isTrue();

            try (Database db = Database.embedded(dir, "storetest")) {
                assertThat(count(db.dataSource())).isEqualTo(1);
            }
            assertThat(orphan.isAlive()).isFalse();
        } finally {
            owner.destroyForcibly();
        }
    }

    @Test
    void aFolderInUseByARunningProgramIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        try (Database db = Database.embedded(dir, "storetest")) {
            assertThatThrownBy(() -> Database.embedded(dir, "storetest"))
                    .isInstanceOf(DataFolderInUseException.class)
                    .hasMessageContaining("in use by another running Qujat program")
                    .hasMessageNotContaining("\n");
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute("central", "--port", "0", "--db", "embedded:" + dir);
            assertThat(code).isEqualTo(1);
            assertThat(err.toString().strip()).contains("in use by another running Qujat program")
                    .doesNotContain("\n").doesNotContain("Exception");
            assertThat(count(db.dataSource())).isZero();
        }
    }

    @Test
    void aPostgresThatDiesUnderARunningServerIsStartedAgainDurable(@TempDir Path dir) throws Exception {
        try (Database db = Database.embedded(dir, "storetest")) {
            assertDurable(db.dataSource());
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO note(body) VALUES ('committed before the crash')");
            }
            ProcessHandle postmaster = Postmaster.livePostmaster(dir.resolve("pgdata")).orElseThrow();
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);
            Await.until(Duration.ofSeconds(90), "the database answers again", () -> {
                try {
                    return count(db.dataSource()) == 1;
                } catch (SQLException e) {
                    return false;
                }
            });
            assertThat(Postmaster.livePostmaster(dir.resolve("pgdata")).orElseThrow().pid()).isNotEqualTo(postmaster.pid());
            assertDurable(db.dataSource());
        }
    }

    /** The embedded library's defaults (-F, synchronous_commit=off) must not reach a server. */
    private static void assertDurable(DataSource ds) throws SQLException {
        assertThat(show(ds, "fsync")).isEqualTo("on");
        assertThat(show(ds, "synchronous_commit")).isEqualTo("on");
        assertThat(show(ds, "full_page_writes")).isEqualTo("on");
    }

    private static String show(DataSource ds, String setting) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int count(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM note")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
