package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import kz.qujat.domain.Region;
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
                           long outboxParked, long inProduction, Instant oldestInProductionSince) {
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
            return new Snapshot(now, Map.copyOf(queues), backlog, oldest, parked, inProduction, oldestInProduction);
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
