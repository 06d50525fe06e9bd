package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qujat.store.Database;

/** R10: the refunds owed after annulments, and their payment (OWED → REFUNDED) recorded by the finance department. */
public final class RefundStore {
    private final Jdbc jdbc;

    public enum Outcome { DONE, NOT_FOUND, ALREADY_REFUNDED }

    /** One refund with the applicant's data as submitted ({@code formJson}); {@code toString} leaves the person out. */
    public record Row(UUID applicationId, String ticketNumber, String region, String iin, String formJson,
                      String reason, Instant annulledAt, long amountTiyn, String status, String paymentReference,
                      LocalDate paidOn, String recordedBy, String recordedByName, Instant recordedAt) {
        @Override
        public String toString() {
            return "Refund[" + applicationId + ", " + status + "]";
        }
    }

    public RefundStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** Refunds of a status (null: any) and region (null: all), oldest annulment first. */
    public List<Row> list(String status, String region, int limit) {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.ticket_number, a.region, a.iin, a.form_json, a.annul_reason,"
                + " r.created_at, r.amount_tiyn, r.status, r.payment_reference, r.paid_on, r.recorded_by, s.surname,"
                + " s.given_name, r.recorded_at FROM refund r JOIN application a ON a.id = r.application_id"
                + " LEFT JOIN staff s ON s.iin = r.recorded_by WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" AND r.status = ?");
            args.add(status);
        }
        if (region != null) {
            sql.append(" AND a.region = ?");
            args.add(region);
        }
        sql.append(" ORDER BY r.created_at, a.seq LIMIT ?");
        args.add(limit);
        return jdbc.tx("refund list", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Jdbc.bind(ps, args.toArray());
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), Jdbc.instant(rs.getTimestamp(7)), rs.getLong(8),
                                rs.getString(9), rs.getString(10), rs.getObject(11, LocalDate.class), rs.getString(12),
                                rs.getString(13) == null ? null : rs.getString(13) + " " + rs.getString(14),
                                Jdbc.instant(rs.getTimestamp(15))));
                    }
                }
                return out;
            }
        });
    }

    /** Records the payment: OWED → REFUNDED with its reference and who recorded it, and the audit event. */
    public Outcome paid(UUID applicationId, String paymentReference, LocalDate paidOn, String financeIin, Instant now) {
        return jdbc.tx("refund paid", c -> {
            String status;
            long amount;
            try (PreparedStatement ps = c.prepareStatement("SELECT status, amount_tiyn FROM refund WHERE application_id = ?"
                    + " FOR UPDATE")) {
                ps.setObject(1, applicationId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Outcome.NOT_FOUND;
                    }
                    status = rs.getString(1);
                    amount = rs.getLong(2);
                }
            }
            if (!"OWED".equals(status)) {
                return Outcome.ALREADY_REFUNDED;
            }
            Jdbc.update(c, "UPDATE refund SET status = 'REFUNDED', payment_reference = ?, paid_on = ?, recorded_by = ?,"
                    + " recorded_at = ? WHERE application_id = ?", paymentReference, paidOn, financeIin, now, applicationId);
            Map<String, Object> detail = new HashMap<>();
            detail.put("paymentReference", paymentReference);
            detail.put("paidOn", paidOn);
            detail.put("amountTiyn", amount);
            Audit.append(c, now, "REFUND_PAID", applicationId, financeIin, detail);
            return Outcome.DONE;
        });
    }
}
