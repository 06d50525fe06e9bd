package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qujat.domain.Lifecycle;
import kz.qujat.domain.Region;
import kz.qujat.domain.Status;
import kz.qujat.store.Database;

/**
 * What the operations team watches, read from the database in one short read-only transaction: the open
 * queue per region, the outbox to production and the documents production is making. These are the numbers of
 * the whole installation (every instance shares the database), not of one instance.
 */
public final class OpsStore {
    private final Jdbc jdbc;

    /** The open queue of one region: waiting, the oldest waiting since, claims held. */
    public record RegionQueue(long waiting, Instant oldestWaitingSince, long claimsHeld) {
        public static final RegionQueue EMPTY = new RegionQueue(0, null, 0);
    }

    /**
     * One reading: the queue per region (regions with nothing open are absent), the outbox (due or backing
     * off, parked, oldest undelivered) and the applications production holds (with the oldest delivery).
     */
    public record Snapshot(Instant readAt, Map<Region, RegionQueue> queues, long outboxBacklog, Instant outboxOldest,
                           long outboxParked, long inProduction, Instant oldestInProductionSince,
                           long auditPending, Instant auditPendingOldest) {
        public RegionQueue queue(Region r) {
            return queues.getOrDefault(r, RegionQueue.EMPTY);
        }
    }

    public OpsStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    public Snapshot read(Instant now) {
        return jdbc.tx("operations snapshot", c -> {
            Map<Region, RegionQueue> queues = new EnumMap<>(Region.class);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT region, count(*) FILTER (WHERE status = 'SUBMITTED'),"
                            + " min(submitted_at) FILTER (WHERE status = 'SUBMITTED'),"
                            + " count(*) FILTER (WHERE status = 'IN_REVIEW')"
                            + " FROM application WHERE status IN ('SUBMITTED', 'IN_REVIEW') GROUP BY region")) {
                while (rs.next()) {
                    queues.put(Region.valueOf(rs.getString(1)), new RegionQueue(rs.getLong(2),
                            Jdbc.instant(rs.getTimestamp(3)), rs.getLong(4)));
                }
            }
            long backlog;
            Instant oldest;
            long parked;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FILTER (WHERE parked_at IS NULL), min(created_at) FILTER (WHERE parked_at IS NULL),"
                            + " count(*) FILTER (WHERE parked_at IS NOT NULL) FROM outbox WHERE delivered_at IS NULL")) {
                rs.next();
                backlog = rs.getLong(1);
                oldest = Jdbc.instant(rs.getTimestamp(2));
                parked = rs.getLong(3);
            }
            long inProduction;
            Instant oldestInProduction;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(o.delivered_at) FROM application a"
                    + " JOIN outbox o ON o.application_id = a.id WHERE a.status = 'IN_PRODUCTION'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                inProduction = rs.getLong(1);
                oldestInProduction = Jdbc.instant(rs.getTimestamp(2));
            }
            long auditPending;
            Instant auditPendingOldest;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(at) FROM audit_pending");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                auditPending = rs.getLong(1);
                auditPendingOldest = Jdbc.instant(rs.getTimestamp(2));
            }
            return new Snapshot(now, Map.copyOf(queues), backlog, oldest, parked, inProduction, oldestInProduction,
                    auditPending, auditPendingOldest);
        });
    }

    /** A claim an officer holds now. */
    public record Held(UUID applicationId, String ticketNumber, Region region, String officerIin, String officerName,
                       Instant claimedAt, Instant expiresAt) {
    }

    /** Claims held in a region (every region when null), the longest-held first. */
    public List<Held> held(Region region, int limit) {
        return jdbc.tx("claims held", c -> {
            List<Held> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.ticket_number, a.region, a.claimed_by,"
                    + " s.surname, s.given_name, a.claimed_at, a.claim_expires_at FROM application a"
                    + " LEFT JOIN staff s ON s.iin = a.claimed_by WHERE a.status = 'IN_REVIEW'"
                    + " AND (?::text IS NULL OR a.region = ?) ORDER BY a.claimed_at, a.seq LIMIT ?")) {
                String r = region == null ? null : region.name();
                Jdbc.bind(ps, r, r, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(5) == null ? null : rs.getString(5) + " " + rs.getString(6);
                        out.add(new Held(rs.getObject(1, UUID.class), rs.getString(2), Region.valueOf(rs.getString(3)),
                                rs.getString(4), name, Jdbc.instant(rs.getTimestamp(7)), Jdbc.instant(rs.getTimestamp(8))));
                    }
                }
            }
            return out;
        });
    }

    /**
     * A supervisor takes a claim back from an officer (a stale claim: the officer left, the workstation died):
     * the application returns to the queue, the history records the supervisor and the reason. The region must
     * be the supervisor's (null: national). Outcomes as for the officer's release.
     */
    public ClaimStore.Result releaseClaim(UUID id, Region scope, String supervisorIin, String reason, Instant now) {
        return jdbc.tx("supervisor release", c -> {
            ClaimStore.Locked l = ClaimStore.lock(c, id);
            if (l == null) {
                return new ClaimStore.Result(ClaimStore.Outcome.NOT_FOUND, null);
            }
            if (scope != null && l.region() != scope) {
                return new ClaimStore.Result(ClaimStore.Outcome.OTHER_REGION, l.status());
            }
            if (l.status() != Status.IN_REVIEW) {
                return new ClaimStore.Result(ClaimStore.Outcome.WRONG_STATUS, l.status());
            }
            Status next = Transitions.apply(c, id, l.status(), Lifecycle.Event.RELEASE, supervisorIin,
                    "claim released by a supervisor: " + reason, now);
            Jdbc.update(c, "UPDATE application SET claimed_by = NULL, claimed_at = NULL, claim_expires_at = NULL"
                    + " WHERE id = ?", id);
            return new ClaimStore.Result(ClaimStore.Outcome.DONE, next);
        });
    }

    /** True when a trivial query answers: the readiness check. */
    public boolean reachable() {
        return jdbc.tx("readiness", c -> {
            try (Statement st = c.createStatement()) {
                st.setQueryTimeout(2);
                try (ResultSet rs = st.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            }
        });
    }
}
