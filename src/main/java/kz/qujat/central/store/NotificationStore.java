package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qujat.store.Database;

/**
 * The applicants' notifications waiting for delivery. Due rows are leased under {@code FOR UPDATE SKIP LOCKED}
 * (several senders never send one row at once), a failure is retried with exponential backoff, a delivery is
 * recorded in the audit log.
 */
public final class NotificationStore {
    private final Jdbc jdbc;

    /**
     * A due notification with what the channel needs to reach the applicant (IIN for the e-gov cabinet, phone for
     * SMS when given). {@code toString} leaves the person out.
     */
    public record Due(long id, UUID applicationId, String ticketNumber, String kind, String iin, String formJson,
                      String textRu, String textKk, Instant createdAt, int attempts) {
        @Override
        public String toString() {
            return "Due[id=" + id + ", kind=" + kind + "]";
        }
    }

    /** A notification as stored, for the development sink's checks and the status of delivery. */
    public record Row(long id, UUID applicationId, String kind, String textRu, String textKk, int attempts,
                      Instant deliveredAt, String lastError) {
    }

    public NotificationStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    public List<Due> lease(Instant now, int limit, Duration lease) {
        return jdbc.tx("notification lease", c -> {
            List<Due> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT n.id, n.application_id, a.ticket_number, n.kind, a.iin,"
                    + " a.form_json, n.text_ru, n.text_kk, n.created_at, n.attempts FROM notification n"
                    + " JOIN application a ON a.id = n.application_id WHERE n.delivered_at IS NULL"
                    + " AND n.next_attempt_at <= ? ORDER BY n.next_attempt_at, n.id LIMIT ? FOR UPDATE OF n SKIP LOCKED")) {
                Jdbc.bind(ps, now, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                Jdbc.instant(rs.getTimestamp(9)), rs.getInt(10)));
                    }
                }
            }
            for (Due d : due) {
                Jdbc.update(c, "UPDATE notification SET next_attempt_at = ? WHERE id = ?", now.plus(lease), d.id());
            }
            return due;
        });
    }

    public void delivered(Due d, Instant at) {
        jdbc.tx("notification delivered", c -> {
            int rows = Jdbc.update(c, "UPDATE notification SET delivered_at = ?, attempts = attempts + 1, last_error = NULL"
                    + " WHERE id = ? AND delivered_at IS NULL", at, d.id());
            if (rows == 1) {
                Audit.append(c, at, "NOTIFICATION_DELIVERED", d.applicationId(), null,
                        Map.of("notification", d.id(), "kind", d.kind(), "attempts", d.attempts() + 1));
            }
            return null;
        });
    }

    public void failed(Due d, String error, Instant at) {
        jdbc.tx("notification failure", c -> Jdbc.update(c, "UPDATE notification SET attempts = attempts + 1,"
                + " next_attempt_at = ?, last_error = ? WHERE id = ? AND delivered_at IS NULL",
                at.plus(OutboxStore.backoff(d.attempts() + 1)), error, d.id()));
    }

    public List<Row> of(UUID applicationId) {
        return jdbc.tx("notification read", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, application_id, kind, text_ru, text_kk, attempts,"
                    + " delivered_at, last_error FROM notification WHERE application_id = ? ORDER BY id")) {
                ps.setObject(1, applicationId);
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), Jdbc.instant(rs.getTimestamp(7)), rs.getString(8)));
                    }
                }
                return out;
            }
        });
    }
}
