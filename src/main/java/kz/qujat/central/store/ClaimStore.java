package kz.qujat.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qujat.domain.Lifecycle.Event;
import kz.qujat.domain.Region;
import kz.qujat.domain.Status;
import kz.qujat.store.Database;

/**
 * One officer per application, enforced in the database: claims take row locks ({@code FOR UPDATE SKIP
 * LOCKED} for the next in the queue), are conditional on status and holder, and expire after a TTL.
 */
public final class ClaimStore {
    private final Jdbc jdbc;

    public enum Outcome { DONE, NOT_FOUND, OTHER_REGION, HELD_BY_OTHER, WRONG_STATUS, NOT_HOLDER }

    /** The outcome and the status the application was found in. */
    public record Result(Outcome outcome, Status status) {
    }

    public ClaimStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** Claims the oldest waiting application of the region, skipping rows other officers are claiming. */
    public Optional<UUID> claimNext(Region region, String officerIin, Instant now, Duration ttl) {
        return jdbc.tx("claim next", c -> {
            UUID id;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM application WHERE region = ?"
                    + " AND status = 'SUBMITTED' ORDER BY submitted_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                ps.setString(1, region.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<UUID>empty();
                    }
                    id = rs.getObject(1, UUID.class);
                }
            }
            take(c, id, Status.SUBMITTED, officerIin, now, ttl);
            return Optional.of(id);
        });
    }

    /**
     * What the officer sees of an application: the row, its history, the register record (without images) and the
     * checks stored at intake (JSON, null when stored without them).
     */
    public record View(ApplicationStore.Row row, List<ApplicationStore.History> history,
                       Optional<RegistryStore.Summary> registry, String checksJson) {
    }

    /**
     * The claim of the next waiting application in one statement: lock the oldest waiting row of the region
     * ({@code SKIP LOCKED}: rows other officers are claiming are passed over), move it to IN_REVIEW with the claim,
     * and return it as the officer will see it. Parameters: region, officer, claimed at, claim expires at.
     */
    public static final String CLAIM_NEXT_SQL = "WITH picked AS (SELECT id FROM application WHERE region = ?"
            + " AND status = 'SUBMITTED' ORDER BY submitted_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED)"
            + " UPDATE application a SET status = 'IN_REVIEW', claimed_by = ?, claimed_at = ?, claim_expires_at = ?"
            + " FROM picked WHERE a.id = picked.id RETURNING " + ApplicationStore.COLUMNS_RETURNED + ", a.checks_json";

    /** Two audit events in order, as {@link Audit#row} gives each (at, kind, application, actor, detail). */
    static final String AUDIT_TWO = Audit.INSERT_PENDING + ", (?, ?, ?, ?, ?)";

    /**
     * Claims the oldest waiting application of the region and reads what the review needs of it, all in one
     * short transaction (one pool checkout, no image read, three round trips): the claim and the row in one
     * statement; then in one round trip the history row of the claim, the audit log's records of the claim and of
     * the officer reading the application's personal data ({@code PD_READ}, what "detail", role {@code role}), the
     * history and the register record; the commit. Empty when the queue is empty.
     */
    public Optional<View> claimNextAndRead(Region region, String officerIin, String role, Instant now, Duration ttl) {
        return jdbc.tx("claim next", c -> {
            ApplicationStore.Row row;
            String checks;
            try (PreparedStatement ps = c.prepareStatement(CLAIM_NEXT_SQL)) {
                Jdbc.bind(ps, region, officerIin, now, now.plus(ttl));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<View>empty();
                    }
                    row = ApplicationStore.read(rs);
                    checks = rs.getString("checks_json");
                }
            }
            Status next = kz.qujat.domain.Lifecycle.next(Status.SUBMITTED, Event.CLAIM);
            // the claim's history row, its two audit events (the transition, then the reading of the personal data),
            // then the history and the register record: four statements, one round trip
            Map<String, Object> transition = new HashMap<>();
            transition.put("from", Status.SUBMITTED);
            transition.put("to", next);
            transition.put("note", null);
            List<ApplicationStore.History> history;
            Optional<RegistryStore.Summary> registry;
            try (PreparedStatement ps = c.prepareStatement(Transitions.HISTORY_INSERT + "; " + AUDIT_TWO + "; "
                    + ApplicationStore.HISTORY_SQL + "; " + RegistryStore.SUMMARY_SQL)) {
                List<Object> args = new ArrayList<>(List.of(row.id(), now, Event.CLAIM.name(), Status.SUBMITTED.name(),
                        next.name(), officerIin));
                args.add(null);
                args.addAll(Arrays.asList(Audit.row(now, Event.CLAIM.name(), row.id(), officerIin, transition)));
                args.addAll(Arrays.asList(Audit.row(now, "PD_READ", row.id(), officerIin,
                        AuditStore.readDetail(role, "detail"))));
                args.add(row.id());
                args.add(row.iin());
                Jdbc.bind(ps, args.toArray());
                ps.execute();
                if (ps.getUpdateCount() != 1 || ps.getMoreResults() || ps.getUpdateCount() != 2
                        || !ps.getMoreResults()) {
                    throw new SQLException("the claim's history row, audit events and reads did not answer as expected");
                }
                try (ResultSet rs = ps.getResultSet()) {
                    history = ApplicationStore.history(rs);
                }
                if (!ps.getMoreResults()) {
                    throw new SQLException("the register read did not answer");
                }
                try (ResultSet rs = ps.getResultSet()) {
                    registry = RegistryStore.summary(rs);
                }
            }
            Audit.written(c);
            return Optional.of(new View(row, history, registry, checks));
        });
    }

    /** Claims one application; the holder claiming again extends the claim. */
    public Result claim(UUID id, Region region, String officerIin, Instant now, Duration ttl) {
        return jdbc.tx("claim", c -> {
            Locked l = lock(c, id);
            if (l == null) {
                return new Result(Outcome.NOT_FOUND, null);
            }
            if (l.region != region) {
                return new Result(Outcome.OTHER_REGION, l.status);
            }
            Status status = l.status;
            if (status == Status.IN_REVIEW && l.expiresAt.compareTo(now) <= 0) {
                status = Transitions.apply(c, id, status, Event.CLAIM_EXPIRED, null, null, now);
                clearClaim(c, id);
            } else if (status == Status.IN_REVIEW && officerIin.equals(l.holder)) {
                Jdbc.update(c, "UPDATE application SET claim_expires_at = ? WHERE id = ?", now.plus(ttl), id);
                return new Result(Outcome.DONE, status);
            } else if (status == Status.IN_REVIEW) {
                return new Result(Outcome.HELD_BY_OTHER, status);
            }
            if (status != Status.SUBMITTED) {
                return new Result(Outcome.WRONG_STATUS, status);
            }
            take(c, id, status, officerIin, now, ttl);
            return new Result(Outcome.DONE, Status.IN_REVIEW);
        });
    }

    /** Gives the application back to the queue; only the officer holding it may. */
    public Result release(UUID id, Region region, String officerIin, Instant now) {
        return jdbc.tx("release", c -> {
            Locked l = lock(c, id);
            if (l == null) {
                return new Result(Outcome.NOT_FOUND, null);
            }
            if (l.region != region) {
                return new Result(Outcome.OTHER_REGION, l.status);
            }
            if (l.status != Status.IN_REVIEW) {
                return new Result(Outcome.WRONG_STATUS, l.status);
            }
            if (!officerIin.equals(l.holder)) {
                return new Result(Outcome.NOT_HOLDER, l.status);
            }
            Status next = Transitions.apply(c, id, l.status, Event.RELEASE, officerIin, null, now);
            clearClaim(c, id);
            return new Result(Outcome.DONE, next);
        });
    }

    /** Returns every claim past its expiry to the queue; returns how many. */
    public int expireClaims(Instant now) {
        return jdbc.tx("claim expiry", c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM application WHERE status = 'IN_REVIEW'"
                    + " AND claim_expires_at <= ? FOR UPDATE SKIP LOCKED")) {
                Jdbc.bind(ps, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            for (UUID id : ids) {
                Transitions.apply(c, id, Status.IN_REVIEW, Event.CLAIM_EXPIRED, null, null, now);
                clearClaim(c, id);
            }
            return ids.size();
        });
    }

    record Locked(Status status, Region region, String holder, Instant expiresAt) {
    }

    static Locked lock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status, region, claimed_by, claim_expires_at"
                + " FROM application WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Locked(Status.valueOf(rs.getString(1)), Region.valueOf(rs.getString(2)), rs.getString(3),
                        Jdbc.instant(rs.getTimestamp(4)));
            }
        }
    }

    private static void take(Connection c, UUID id, Status current, String officerIin, Instant now, Duration ttl)
            throws SQLException {
        Transitions.apply(c, id, current, Event.CLAIM, officerIin, null, now);
        Jdbc.update(c, "UPDATE application SET claimed_by = ?, claimed_at = ?, claim_expires_at = ? WHERE id = ?",
                officerIin, now, now.plus(ttl), id);
    }

    private static void clearClaim(Connection c, UUID id) throws SQLException {
        Jdbc.update(c, "UPDATE application SET claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL"
                + " WHERE id = ?", id);
    }
}
