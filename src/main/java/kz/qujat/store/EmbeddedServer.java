package kz.qujat.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server holding several programs' databases (the demo runs central and production
 * on one server: one start instead of two). Data stays in the folder between runs.
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private final EmbeddedPostgres pg;

    private EmbeddedServer(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    public static EmbeddedServer start(Path dir) throws IOException {
        Path work = dir.resolve("pgwork");
        Files.createDirectories(work);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .start();
        LOG.info("embedded PostgreSQL started on port {}", pg.getPort());
        return new EmbeddedServer(pg);
    }

    /** The JDBC URL of database {@code name} on this server, creating the database when it is missing. */
    public String jdbcUrl(String name) throws IOException {
        Database.createDatabaseIfMissing(pg.getPostgresDatabase(), name);
        return pg.getJdbcUrl("postgres", name);
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
