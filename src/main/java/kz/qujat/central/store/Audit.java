package kz.qujat.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kz.qujat.central.audit.AuditChain;

/**
 * Appends one event to the hash-chained audit log on the caller's connection, so it commits or rolls back with
 * what it records. The head row is locked for the rest of the transaction: appends are serialised, the chain
 * has a single order.
 */
final class Audit {
    private Audit() {
    }

    static long append(Connection c, Instant at, String kind, UUID applicationId, String actorIin,
                       Map<String, ?> detail) throws SQLException {
        long seq;
        String prev;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head is missing");
            }
            seq = rs.getLong(1) + 1;
            prev = rs.getString(2);
        }
        Instant time = AuditChain.time(at);
        String text = AuditChain.detail(detail);
        String hash = AuditChain.hash(prev, seq, time, kind, applicationId, actorIin, text);
        Jdbc.update(c, "INSERT INTO audit_log (seq, at, kind, application_id, actor_iin, detail, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", seq, time, kind, applicationId, actorIin, text, prev, hash);
        Jdbc.update(c, "UPDATE audit_head SET seq = ?, hash = ?", seq, hash);
        return seq;
    }
}
