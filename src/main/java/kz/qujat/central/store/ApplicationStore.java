package kz.qujat.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;
import kz.qujat.domain.Region;
import kz.qujat.domain.Status;
import kz.qujat.store.Database;
import kz.qujat.store.StoreException;

/** Applications as submitted, read back for review, and the regional queue. */
public final class ApplicationStore {
    private static final String COLUMNS = "a.id, a.ticket_number, a.iin, a.document_number, a.status, a.region,"
            + " a.registration_point, a.form_json, a.photo_sha256, a.signature_sha256, a.policy_version,"
            + " a.expiry_date, a.days_from_expiry, a.submitted_at, a.claimed_by, a.claimed_at, a.claim_expires_at,"
            + " a.annul_reason, a.new_document_number, a.ready_at, a.issued_at, a.issued_by, a.checks_worst,"
            + " s.surname AS claim_surname, s.given_name AS claim_given_name";
    private static final String FROM = " FROM application a LEFT JOIN staff s ON s.iin = a.claimed_by";
    /** {@link #COLUMNS} as an UPDATE ... RETURNING of {@code application a} gives them (the claimant's name by subquery). */
    static final String COLUMNS_RETURNED = COLUMNS.replace(", s.surname AS claim_surname, s.given_name AS claim_given_name",
            ", (SELECT surname FROM staff WHERE iin = a.claimed_by) AS claim_surname,"
            + " (SELECT given_name FROM staff WHERE iin = a.claimed_by) AS claim_given_name");

    private final Jdbc jdbc;

    public record NewApplication(String iin, String documentNumber, Region region, String registrationPoint,
                                 String formJson, byte[] photo, String photoSha256, byte[] signature,
                                 String signatureSha256, String policyVersion, LocalDate expiryDate,
                                 long daysFromExpiry, Instant submittedAt, String checksJson, String checksWorst) {
    }

    /** What happened to a submission: stored, or refused because of an earlier application. */
    public enum InsertOutcome { STORED, ACTIVE_EXISTS, REFERRED_TO_SERVICE_CENTRE }

    public record Inserted(InsertOutcome outcome, UUID id, String ticketNumber) {
    }

    /** One application without its images. {@code claimedByName} is the claiming officer's name. */
    public record Row(UUID id, String ticketNumber, String iin, String documentNumber, Status status, Region region,
                      String registrationPoint, String formJson, String photoSha256, String signatureSha256,
                      String policyVersion, LocalDate expiryDate, long daysFromExpiry, Instant submittedAt,
                      String claimedBy, String claimedByName, Instant claimedAt, Instant claimExpiresAt,
                      String annulReason, String newDocumentNumber, Instant readyAt, Instant issuedAt,
                      String issuedBy, String checksWorst) {
        @Override
        public String toString() {
            return "Row[id=" + id + ", status=" + status + "]";
        }
    }

    public record History(Instant at, String event, String fromStatus, String toStatus, String actorIin,
                          String actorName, String note) {
    }

    public ApplicationStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /**
     * An earlier application of this person for this document annulled for further verification (parameters: IIN,
     * document number); served by the partial index application_further_verification (V230).
     */
    static final String REFERRED_SQL = "SELECT 1 FROM application WHERE iin = ? AND document_number = ?"
            + " AND status = 'ANNULLED' AND annul_reason = 'FURTHER_VERIFICATION'";
    /** An active application of this person for this document; served by the unique index application_one_active. */
    static final String ACTIVE_SQL = "SELECT 1 FROM application WHERE iin = ? AND document_number = ?"
            + " AND status NOT IN ('ANNULLED', 'ISSUED')";

    /**
     * Stores a submission with a ticket number made from the ticket sequence, unless the same person already
     * has an active application for the same document, or an earlier one for it was annulled for further
     * verification (R10: that person must go to a service centre).
     */
    public Inserted insert(NewApplication a, LongFunction<String> ticketFormat) {
        try {
            return jdbc.tx("application insert", c -> {
                if (exists(c, REFERRED_SQL, a.iin(), a.documentNumber())) {
                    return new Inserted(InsertOutcome.REFERRED_TO_SERVICE_CENTRE, null, null);
                }
                if (exists(c, ACTIVE_SQL, a.iin(), a.documentNumber())) {
                    return new Inserted(InsertOutcome.ACTIVE_EXISTS, null, null);
                }
                long seq;
                try (PreparedStatement ps = c.prepareStatement("SELECT nextval('ticket_seq')");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
                UUID id = UUID.randomUUID();
                String ticket = ticketFormat.apply(seq);
                Jdbc.update(c, "INSERT INTO application (id, seq, ticket_number, iin, document_number, status, region,"
                        + " registration_point, form_json, photo, photo_sha256, signature, signature_sha256,"
                        + " policy_version, expiry_date, days_from_expiry, submitted_at, checks_json, checks_worst)"
                        + " VALUES (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, seq, ticket, a.iin(), a.documentNumber(), a.region(), a.registrationPoint(), a.formJson(),
                        a.photo(), a.photoSha256(), a.signature(), a.signatureSha256(), a.policyVersion(),
                        a.expiryDate(), (int) a.daysFromExpiry(), a.submittedAt(), a.checksJson(), a.checksWorst());
                Transitions.history(c, id, "SUBMIT", null, Status.SUBMITTED, null, null, a.submittedAt());
                return new Inserted(InsertOutcome.STORED, id, ticket);
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.uniqueViolation(sql)) {
                // a concurrent submission for the same person and document won the race
                return new Inserted(InsertOutcome.ACTIVE_EXISTS, null, null);
            }
            throw e;
        }
    }

    public Optional<Row> find(UUID id) {
        return jdbc.tx("application read", c -> one(c, "SELECT " + COLUMNS + FROM + " WHERE a.id = ?", id));
    }

    public Optional<Row> findByTicket(String ticketNumber) {
        return jdbc.tx("application read", c -> one(c, "SELECT " + COLUMNS + FROM + " WHERE a.ticket_number = ?",
                ticketNumber));
    }

    /** The checks stored at intake (JSON; empty when the application is unknown or was stored without them). */
    public Optional<String> checksJson(UUID id) {
        return jdbc.tx("checks read", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT checks_json FROM application WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** {@code column} is photo or signature. */
    public Optional<byte[]> image(UUID id, String column) {
        if (!column.equals("photo") && !column.equals("signature")) {
            throw new IllegalArgumentException("no such image column");
        }
        return jdbc.tx("image read", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM application WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    public List<History> history(UUID id) {
        return jdbc.tx("history read", c -> history(c, id));
    }

    /** The row by id, on the caller's connection (inside its transaction). */
    static Optional<Row> find(Connection c, UUID id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + FROM + " WHERE a.id = ?", id);
    }

    /** The application, its row locked until the caller's transaction ends (the claimant's name joined, not locked). */
    static Optional<Row> findLocked(Connection c, UUID id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + FROM + " WHERE a.id = ? FOR UPDATE OF a", id);
    }

    /** The history of an application, oldest first, with the actors' names; parameter: the application id. */
    static final String HISTORY_SQL = "SELECT h.at, h.event, h.from_status, h.to_status, h.actor_iin, s.surname,"
            + " s.given_name, h.note FROM history h LEFT JOIN staff s ON s.iin = h.actor_iin WHERE h.application_id = ?"
            + " ORDER BY h.id";

    static List<History> history(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HISTORY_SQL)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return history(rs);
            }
        }
    }

    /** The rows of {@link #HISTORY_SQL}. */
    static List<History> history(ResultSet rs) throws SQLException {
        List<History> out = new ArrayList<>();
        while (rs.next()) {
            String name = rs.getString(6) == null ? null : rs.getString(6) + " " + rs.getString(7);
            out.add(new History(Jdbc.instant(rs.getTimestamp(1)), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), name, rs.getString(8)));
        }
        return out;
    }

    /** Waiting applications of a region, oldest first, after the application {@code after} (keyset). */
    public List<Row> queue(Region region, UUID after, int limit) {
        return jdbc.tx("queue read", c -> {
            String sql = "SELECT " + COLUMNS + FROM + " WHERE a.region = ? AND a.status = 'SUBMITTED'"
                    + (after == null ? "" : " AND (a.submitted_at, a.seq) > (SELECT submitted_at, seq FROM application WHERE id = ?)")
                    + " ORDER BY a.submitted_at, a.seq LIMIT ?";
            return after == null ? many(c, sql, region, limit) : many(c, sql, region, after, limit);
        });
    }

    /** Documents at a registration point in a status, oldest ready first. */
    public List<Row> atPoint(String registrationPoint, Status status, int limit) {
        return jdbc.tx("handover list", c -> many(c, "SELECT " + COLUMNS + FROM
                + " WHERE a.registration_point = ? AND a.status = ? ORDER BY a.ready_at NULLS LAST, a.seq LIMIT ?",
                registrationPoint, status, limit));
    }

    private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<Row> one(Connection c, String sql, Object... args) throws SQLException {
        List<Row> rows = many(c, sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static List<Row> many(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, args);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    static Row read(ResultSet rs) throws SQLException {
        String claimName = rs.getString("claim_surname") == null ? null
                : rs.getString("claim_surname") + " " + rs.getString("claim_given_name");
        return new Row(rs.getObject("id", UUID.class), rs.getString("ticket_number"), rs.getString("iin"),
                rs.getString("document_number"), Status.valueOf(rs.getString("status")),
                Region.valueOf(rs.getString("region")), rs.getString("registration_point"), rs.getString("form_json"),
                rs.getString("photo_sha256"), rs.getString("signature_sha256"), rs.getString("policy_version"),
                rs.getObject("expiry_date", LocalDate.class), rs.getInt("days_from_expiry"),
                Jdbc.instant(rs.getTimestamp("submitted_at")), rs.getString("claimed_by"), claimName,
                Jdbc.instant(rs.getTimestamp("claimed_at")), Jdbc.instant(rs.getTimestamp("claim_expires_at")),
                rs.getString("annul_reason"), rs.getString("new_document_number"),
                Jdbc.instant(rs.getTimestamp("ready_at")), Jdbc.instant(rs.getTimestamp("issued_at")),
                rs.getString("issued_by"), rs.getString("checks_worst"));
    }
}
