package kz.qujat.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * Appends events to the hash-chained audit log within the caller's transaction, so they commit or roll back with
 * what they record. The chain has a single order, so appends are serialised on the head row's lock, which is held
 * until the commit: to keep that serial section short, the events a transaction records are written together
 * just before it commits ({@link #flush}, called by {@link Jdbc#tx}): one lock, one batch of rows, one move of the
 * head, then the commit. Before, the head was locked at the first event and held through the rest of the work
 * (for a claim: the reads of the row, its history and the register record), which made every claim and decision
 * wait for the one before it to finish all of that.
 */
final class Audit {
    private record Event(Instant at, String kind, UUID applicationId, String actorIin, String detail) {
    }

    /** The events of each open transaction, by its connection. */
    private static final Map<Connection, List<Event>> PENDING = Collections.synchronizedMap(new IdentityHashMap<>());

    private Audit() {
    }

    /** Records one event in the transaction of {@code c}; it is written when the transaction commits. */
    static void append(Connection c, Instant at, String kind, UUID applicationId, String actorIin,
                       Map<String, ?> detail) {
        Event e = new Event(AuditChain.time(at), kind, applicationId, actorIin, AuditChain.detail(detail));
        PENDING.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
    }

    /** Writes the events recorded in the transaction of {@code c}, in order; called just before it commits. */
    static void flush(Connection c) throws SQLException {
        List<Event> events = PENDING.remove(c);
        if (events == null || events.isEmpty()) {
            return;
        }
        long seq;
        String prev;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head is missing");
            }
            seq = rs.getLong(1);
            prev = rs.getString(2);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, at, kind, application_id,"
                + " actor_iin, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Event e : events) {
                seq++;
                String hash = AuditChain.hash(prev, seq, e.at(), e.kind(), e.applicationId(), e.actorIin(), e.detail());
                Jdbc.bind(ps, seq, e.at(), e.kind(), e.applicationId(), e.actorIin(), e.detail(), prev, hash);
                ps.addBatch();
                prev = hash;
            }
            ps.executeBatch();
        }
        Jdbc.update(c, "UPDATE audit_head SET seq = ?, hash = ?", seq, prev);
    }

    /** Forgets the events of a transaction that rolls back. */
    static void discard(Connection c) {
        PENDING.remove(c);
    }
}
