package kz.qujat.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qujat.central.audit.AuditChain;

/**
 * Records events of the audit log within the caller's transaction, so they commit or roll back with what they
 * record. The events a transaction records are written together just before it commits ({@link #flush}, called by
 * {@link Jdbc#tx}): one batch into {@code audit_pending}, without a place in the chain and without any lock shared
 * by other transactions, so commits do not wait for one another and their fsyncs can group. The chainer
 * ({@link AuditStore#chain}) gives them their place in the hash chain after the commit.
 */
final class Audit {
    private record Event(Instant at, String kind, UUID applicationId, String actorIin, String detail) {
    }

    static final String INSERT_PENDING = "INSERT INTO audit_pending (at, kind, application_id, actor_iin, detail)"
            + " VALUES (?, ?, ?, ?, ?)";

    /** The events of each open transaction, by its connection. */
    private static final Map<Connection, List<Event>> PENDING = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Who wants to know that events were committed, by the data source they were committed through. */
    private static final Map<javax.sql.DataSource, List<Runnable>> LISTENERS =
            Collections.synchronizedMap(new IdentityHashMap<>());

    private Audit() {
    }

    /** Calls {@code listener} after each commit through {@code dataSource} that recorded events (it must not block). */
    static void onCommit(javax.sql.DataSource dataSource, Runnable listener) {
        LISTENERS.computeIfAbsent(dataSource, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(listener);
    }

    static void removeListener(javax.sql.DataSource dataSource, Runnable listener) {
        List<Runnable> l = LISTENERS.get(dataSource);
        if (l != null) {
            l.remove(listener);
        }
    }

    /** Events were committed through {@code dataSource}. */
    static void committed(javax.sql.DataSource dataSource) {
        List<Runnable> l = LISTENERS.get(dataSource);
        if (l != null) {
            l.forEach(Runnable::run);
        }
    }

    /** Records one event in the transaction of {@code c}; it is written when the transaction commits. */
    static void append(Connection c, Instant at, String kind, UUID applicationId, String actorIin,
                       Map<String, ?> detail) {
        Event e = new Event(AuditChain.time(at), kind, applicationId, actorIin, AuditChain.detail(detail));
        PENDING.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
    }

    /** Whether events were recorded on {@code c} with {@link #append} and not yet written. */
    static boolean hasPending(Connection c) {
        List<Event> events = PENDING.get(c);
        return events != null && !events.isEmpty();
    }

    /**
     * Writes the events recorded in the transaction of {@code c}, in order; called just before it commits.
     * Returns whether there were any (the chainer is then told after the commit).
     */
    static boolean flush(Connection c) throws SQLException {
        List<Event> events = PENDING.remove(c);
        boolean written = WRITTEN.remove(c) != null;
        if (events == null || events.isEmpty()) {
            return written;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_PENDING)) {
            for (Event e : events) {
                Jdbc.bind(ps, e.at(), e.kind(), e.applicationId(), e.actorIin(), e.detail());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return true;
    }

    /**
     * The values of one event's {@code audit_pending} row (at, kind, application, actor, detail), for a statement that
     * writes it itself, in order with the others it writes; the caller then calls {@link #written}.
     */
    static Object[] row(Instant at, String kind, UUID applicationId, String actorIin, Map<String, ?> detail) {
        return new Object[] {AuditChain.time(at), kind, applicationId, actorIin, AuditChain.detail(detail)};
    }

    /** The transaction of {@code c} wrote events itself: the chainer is told after it commits, as after a flush. */
    static void written(Connection c) {
        WRITTEN.put(c, Boolean.TRUE);
    }

    /** Transactions that wrote their events themselves, by connection (removed by {@link #flush} or {@link #discard}). */
    private static final Map<Connection, Boolean> WRITTEN = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Forgets the events of a transaction that rolls back. */
    static void discard(Connection c) {
        PENDING.remove(c);
        WRITTEN.remove(c);
    }
}
