package kz.qujat.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One embedded PostgreSQL server holding several programs' databases (the demo runs central and production
 * on one server: one start instead of two). Data stays in the folder between runs; the server is durable,
 * watched, and takes over the orphan of a demo that was killed.
 */
public final class EmbeddedServer implements AutoCloseable {
    private final SupervisedPostgres pg;

    private EmbeddedServer(SupervisedPostgres pg) {
        this.pg = pg;
    }

    public static EmbeddedServer start(Path dir) throws IOException {
        return new EmbeddedServer(SupervisedPostgres.start(dir));
    }

    /** The JDBC URL of database {@code name} on this server, creating the database when it is missing. */
    public String jdbcUrl(String name) throws IOException {
        Database.createDatabaseIfMissing(pg.admin(), name);
        return pg.jdbcUrl(name);
    }

    @Override
    public void close() {
        pg.close();
    }
}
