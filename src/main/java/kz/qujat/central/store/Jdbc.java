package kz.qujat.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import kz.qujat.store.Database;
import kz.qujat.store.StoreException;

/** The small piece of JDBC plumbing every store shares: transactions and a few conversions. */
final class Jdbc {
    private final DataSource dataSource;

    Jdbc(Database database) {
        this.dataSource = database.dataSource();
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Work on one connection inside one transaction. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T tx(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                boolean audited = Audit.flush(c);
                c.commit();
                if (audited) {
                    Audit.committed(dataSource);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                // a rollback that fails too (the connection is gone) must not hide why the work failed
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            } finally {
                Audit.discard(c);
            }
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    /**
     * Work on one connection without a transaction: each statement commits on its own. For work whose writes are one
     * statement; events it wrote itself ({@link Audit#written}) wake the chainer after, as after a commit. Events
     * recorded with {@link Audit#append} belong in a transaction ({@link #tx}) and are refused here.
     */
    <T> T autocommit(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try {
                T result = work.run(c);
                if (Audit.hasPending(c)) {
                    throw new IllegalStateException(operation + " recorded audit events outside a transaction");
                }
                if (Audit.flush(c)) {
                    Audit.committed(dataSource);
                }
                return result;
            } finally {
                Audit.discard(c);
            }
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant in) {
                ps.setTimestamp(i + 1, Timestamp.from(in));
            } else if (a instanceof java.time.LocalDate d) {
                ps.setObject(i + 1, d);
            } else if (a instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    static boolean uniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
