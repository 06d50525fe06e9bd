package kz.qujat.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Writes the applicant's notification of a transition in the transition's own transaction (outbox pattern). */
final class Notices {
    private Notices() {
    }

    static void write(Connection c, NoticeTexts texts, UUID applicationId, String kind, Instant now)
            throws SQLException {
        String ticket;
        String reason;
        String point;
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket_number, annul_reason, registration_point"
                + " FROM application WHERE id = ?")) {
            ps.setObject(1, applicationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("application vanished inside its own transaction");
                }
                ticket = rs.getString(1);
                reason = rs.getString(2);
                point = rs.getString(3);
            }
        }
        NoticeTexts.Texts t = texts.compose(kind, ticket, reason, point, now);
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification (application_id, kind, text_ru, text_kk,"
                + " created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (application_id, kind) DO NOTHING"
                + " RETURNING id")) {
            Jdbc.bind(ps, applicationId, kind, t.ru(), t.kk(), now, now);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                id = rs.getLong(1);
            }
        }
        Map<String, Object> detail = new HashMap<>();
        detail.put("notification", id);
        detail.put("kind", kind);
        Audit.append(c, now, "NOTIFICATION_QUEUED", applicationId, null, detail);
    }
}
