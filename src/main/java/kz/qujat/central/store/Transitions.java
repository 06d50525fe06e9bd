package kz.qujat.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import kz.qujat.domain.Lifecycle;
import kz.qujat.domain.Status;

/**
 * Moves an application through {@link Lifecycle} and writes the history row and its audit event, on the caller's
 * connection.
 */
final class Transitions {
    private Transitions() {
    }

    /** Applies {@code event} to an application whose current status the caller has locked and read. */
    static Status apply(Connection c, UUID id, Status current, Lifecycle.Event event, String actorIin, String note,
                        Instant at) throws SQLException {
        Status next = Lifecycle.next(current, event);
        Jdbc.update(c, "UPDATE application SET status = ? WHERE id = ? AND status = ?", next, id, current);
        history(c, id, event.name(), current, next, actorIin, note, at);
        return next;
    }

    /** The history row of a transition; parameters: application, at, event, from, to, actor, note. */
    static final String HISTORY_INSERT = "INSERT INTO history (application_id, at, event, from_status, to_status,"
            + " actor_iin, note) VALUES (?, ?, ?, ?, ?, ?, ?)";

    static void history(Connection c, UUID id, String event, Status from, Status to, String actorIin, String note,
                        Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HISTORY_INSERT)) {
            Jdbc.bind(ps, id, at, event, from == null ? null : from.name(), to.name(), actorIin, note);
            ps.executeUpdate();
        }
        audit(c, id, event, from, to, actorIin, note, at);
    }

    /** The audit event of a transition whose history row the caller writes. */
    static void audit(Connection c, UUID id, String event, Status from, Status to, String actorIin, String note,
                      Instant at) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("from", from);
        detail.put("to", to);
        detail.put("note", note);
        Audit.append(c, at, event, id, actorIin, detail);
    }

    /** Locks the application row and returns its status, or null when there is no such application. */
    static Status lockStatus(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM application WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Status.valueOf(rs.getString(1)) : null;
            }
        }
    }
}
