package kz.qujat.production.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import kz.qujat.store.Database;
import kz.qujat.store.StoreException;

/**
 * The production node's orders in PostgreSQL. Every state the node is in lives here, so a restart picks
 * up where it stopped: orders waiting to be produced, documents waiting to be reported.
 */
public final class OrderStore {
    private final DataSource ds;

    public OrderStore(Database database) {
        this.ds = database.dataSource();
    }

    /** Stores the order unless one for the same application exists; true when this call stored it. */
    public boolean insertIfAbsent(NewOrder o) {
        String sql = "INSERT INTO orders (application_id, ticket_number, registration_point, officer_iin, payload,"
                + " received_at, produce_after, status) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, 'IN_PRODUCTION')"
                + " ON CONFLICT (application_id) DO NOTHING";
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, o.applicationId());
            st.setString(2, o.ticketNumber());
            st.setString(3, o.registrationPoint());
            st.setString(4, o.officerIin());
            st.setString(5, o.payloadJson());
            st.setTimestamp(6, Timestamp.from(o.receivedAt()));
            st.setTimestamp(7, Timestamp.from(o.produceAfter()));
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot store order " + o.applicationId(), e);
        }
    }

    public Optional<OrderStatus> status(UUID applicationId) {
        String sql = "SELECT application_id, ticket_number, status, received_at, produced_at, reported_at,"
                + " report_attempts, last_error FROM orders WHERE application_id = ?";
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, applicationId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OrderStatus(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        instant(rs, 4), instant(rs, 5), instant(rs, 6), rs.getInt(7), rs.getString(8)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read order " + applicationId, e);
        }
    }

    /**
     * Finishes production of orders whose time has come: each gets the next number of the card sequence.
     * Rows are locked with SKIP LOCKED so that two workers never produce the same order.
     */
    public List<ProducedDocument> produceDue(Instant now, int limit) {
        String sql = "UPDATE orders SET status = 'PRODUCED', document_number = lpad(nextval('card_number_seq')::text, 9, '0'),"
                + " produced_at = ?, next_report_at = ? WHERE application_id IN (SELECT application_id FROM orders"
                + " WHERE status = 'IN_PRODUCTION' AND produce_after <= ? ORDER BY produce_after LIMIT ?"
                + " FOR UPDATE SKIP LOCKED)"
                + " RETURNING application_id, registration_point, document_number, produced_at, report_attempts";
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            Timestamp ts = Timestamp.from(now);
            st.setTimestamp(1, ts);
            st.setTimestamp(2, ts);
            st.setTimestamp(3, ts);
            st.setInt(4, limit);
            return produced(st);
        } catch (SQLException e) {
            throw new StoreException("cannot produce due orders", e);
        }
    }

    /** Documents made but not yet acknowledged by the central service whose next attempt is due. */
    public List<ProducedDocument> reportsDue(Instant now, int limit) {
        String sql = "SELECT application_id, registration_point, document_number, produced_at, report_attempts"
                + " FROM orders WHERE status = 'PRODUCED' AND next_report_at <= ? ORDER BY next_report_at LIMIT ?";
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setInt(2, limit);
            return produced(st);
        } catch (SQLException e) {
            throw new StoreException("cannot read due reports", e);
        }
    }

    public void markReported(UUID applicationId, Instant at) {
        update("UPDATE orders SET status = 'REPORTED', reported_at = ?, report_attempts = report_attempts + 1,"
                + " last_error = NULL WHERE application_id = ? AND status = 'PRODUCED'", applicationId, at, null);
    }

    /** Records a failed report; {@code error} must carry no personal data (a status code, an exception kind). */
    public void markReportFailed(UUID applicationId, Instant nextAttempt, String error) {
        update("UPDATE orders SET next_report_at = ?, report_attempts = report_attempts + 1, last_error = ?"
                + " WHERE application_id = ? AND status = 'PRODUCED'", applicationId, nextAttempt, error);
    }

    /** Number of orders in each status, for the health endpoint. */
    /** One order's id, status and card number. */
    public record Summary(UUID applicationId, String status, String documentNumber) {
    }

    /** Every order: id, status and card number (null until produced), for the reconciliation with central. */
    public List<Summary> summaries() {
        List<Summary> rows = new java.util.ArrayList<>();
        try (java.sql.Connection c = ds.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "SELECT application_id::text, status, document_number FROM orders ORDER BY received_at");
             java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Summary(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3)));
            }
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot read order summaries", e);
        }
        return rows;
    }

    public long count(String status) {
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM orders WHERE status = ?")) {
            st.setString(1, status);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count orders", e);
        }
    }

    private void update(String sql, UUID applicationId, Instant at, String error) {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(at));
            if (error == null) {
                st.setObject(2, applicationId);
            } else {
                st.setString(2, error);
                st.setObject(3, applicationId);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update order " + applicationId, e);
        }
    }

    private static List<ProducedDocument> produced(PreparedStatement st) throws SQLException {
        List<ProducedDocument> list = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                list.add(new ProducedDocument(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        instant(rs, 4), rs.getInt(5)));
            }
        }
        return list;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
