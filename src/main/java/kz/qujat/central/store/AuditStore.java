package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import kz.qujat.central.audit.AuditChain;
import kz.qujat.central.audit.AuditCheckpoint;
import kz.qujat.central.audit.AuditRow;
import kz.qujat.store.Database;

/**
 * The audit log outside the transitions: events recorded on their own (reading personal data), the chain read
 * back for verification and export, the signed checkpoints, and the accesses to one application.
 */
public final class AuditStore {
    private final Jdbc jdbc;

    /** The head of the chain and the last checkpoint (seq 0 and null time when there is none). */
    public record Head(long seq, String hash, long checkpointSeq, Instant checkpointAt) {
    }

    /** One reading of personal data: who, when, what (detail, photo, signature, ...). */
    public record Access(Instant at, String staffIin, String staffName, String role, String what) {
    }

    public AuditStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** Records one event in its own transaction. */
    public void record(Instant at, String kind, UUID applicationId, String actorIin, Map<String, ?> detail) {
        jdbc.tx("audit record", c -> {
            Audit.append(c, at, kind, applicationId, actorIin, detail);
            return null;
        });
    }

    /** Records that a member of staff read personal data of an application ({@code what}: detail, photo, ...). */
    public void personalDataRead(Instant at, UUID applicationId, String staffIin, String role, String what) {
        record(at, "PD_READ", applicationId, staffIin, readDetail(role, what));
    }

    /** The detail of a PD_READ event. */
    static Map<String, Object> readDetail(String role, String what) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("what", what);
        detail.put("role", role);
        return detail;
    }

    public List<Access> accesses(UUID applicationId) {
        return jdbc.tx("audit accesses", c -> {
            // chained and pending events alike (audit_event): an access is listed from its commit on
            try (PreparedStatement ps = c.prepareStatement("SELECT l.at, l.actor_iin, s.surname, s.given_name, l.detail"
                    + " FROM audit_event l LEFT JOIN staff s ON s.iin = l.actor_iin WHERE l.application_id = ?"
                    + " AND l.kind = 'PD_READ' ORDER BY l.seq NULLS LAST, l.event_id")) {
                ps.setObject(1, applicationId);
                List<Access> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String detail = rs.getString(5);
                        out.add(new Access(Jdbc.instant(rs.getTimestamp(1)), rs.getString(2),
                                rs.getString(3) == null ? null : rs.getString(3) + " " + rs.getString(4),
                                field(detail, "role"), field(detail, "what")));
                    }
                }
                return out;
            }
        });
    }

    /** A string field of the canonical detail JSON the store itself wrote (no nesting, no escapes in our values). */
    private static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int i = json.indexOf(key);
        if (i < 0) {
            return null;
        }
        int start = i + key.length();
        return json.substring(start, json.indexOf('"', start));
    }

    public Head head() {
        return jdbc.tx("audit head", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT h.seq, h.hash, (SELECT max(seq) FROM audit_checkpoint),"
                    + " (SELECT max(at) FROM audit_checkpoint) FROM audit_head h");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), Jdbc.instant(rs.getTimestamp(4)));
            }
        });
    }

    /** How many events are committed but not yet in the chain. */
    public long pending() {
        return jdbc.tx("audit pending", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_pending");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Events a chainer gives a place in the chain per transaction. */
    public static final int CHAIN_BATCH = 2000;

    /**
     * Gives committed pending events their place in the hash chain, oldest first, in one transaction: lock the
     * chain's head (so one chainer at a time, whichever instance), read up to {@code max} pending events in the
     * order they were recorded, insert their chained rows, delete them from the pending table, move the head.
     * Dies half-way, it commits nothing and the next chainer does it all. Returns how many were chained, or -1
     * when another chainer holds the head and {@code waitMillis} is 0 (it will chain them); with
     * {@code waitMillis > 0} waits at most that long for the head (and fails after).
     */
    public int chain(int max, long waitMillis) {
        return jdbc.tx("audit chain", c -> {
            if (waitMillis > 0) {
                try (var st = c.createStatement()) {
                    st.execute("SET LOCAL lock_timeout = " + waitMillis);
                }
            }
            long seq;
            String prev;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head FOR UPDATE"
                    + (waitMillis > 0 ? "" : " SKIP LOCKED")); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
                seq = rs.getLong(1);
                prev = rs.getString(2);
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement read = c.prepareStatement("SELECT id, at, kind, application_id, actor_iin, detail"
                    + " FROM audit_pending ORDER BY id LIMIT ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (seq, at, kind, application_id,"
                         + " actor_iin, detail, prev_hash, hash, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                read.setInt(1, max);
                read.setFetchSize(max);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Instant at = Jdbc.instant(rs.getTimestamp(2));
                        String kind = rs.getString(3);
                        UUID application = rs.getObject(4, UUID.class);
                        String actor = rs.getString(5);
                        String detail = rs.getString(6);
                        seq++;
                        String hash = AuditChain.hash(prev, seq, at, kind, application, actor, detail);
                        Jdbc.bind(insert, seq, at, kind, application, actor, detail, prev, hash, id);
                        insert.addBatch();
                        prev = hash;
                        ids.add(id);
                    }
                }
                if (ids.isEmpty()) {
                    return 0;
                }
                insert.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_pending WHERE id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.executeUpdate();
            }
            Jdbc.update(c, "UPDATE audit_head SET seq = ?, hash = ?", seq, prev);
            return ids.size();
        });
    }

    /**
     * Chains every event committed before this call (waiting up to {@code waitMillis} for a chainer at work
     * elsewhere): what verifying, exporting or showing the chain does first. Returns how many it chained.
     */
    public long chainAll(long waitMillis) {
        long total = 0;
        int n;
        do {
            n = chain(CHAIN_BATCH, Math.max(1, waitMillis));
            total += n;
        } while (n == CHAIN_BATCH);
        return total;
    }

    /**
     * Calls {@code listener} after each commit of this store's database that recorded audit events (for the
     * chainer to start at once instead of at its next poll); it must not block.
     */
    public void onEventsCommitted(Runnable listener) {
        Audit.onCommit(jdbc.dataSource(), listener);
    }

    public void removeListener(Runnable listener) {
        Audit.removeListener(jdbc.dataSource(), listener);
    }

    /** Stores a checkpoint over the current head; false when the head moved meanwhile or it exists already. */
    public boolean checkpoint(AuditCheckpoint cp) {
        return jdbc.tx("audit checkpoint", c -> Jdbc.update(c, "INSERT INTO audit_checkpoint (seq, hash, at, signature)"
                + " SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM audit_log WHERE seq = ? AND hash = ?)"
                + " ON CONFLICT (seq) DO NOTHING", cp.seq(), cp.hash(), cp.at(), cp.signature(), cp.seq(), cp.hash()) == 1);
    }

    /** Streams every row in chain order (the log can be large: rows are not collected here). */
    public void rows(Consumer<AuditRow> sink) {
        jdbc.tx("audit read", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, kind, application_id, actor_iin, detail,"
                    + " prev_hash, hash FROM audit_log ORDER BY seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new AuditRow(rs.getLong(1), Jdbc.instant(rs.getTimestamp(2)), rs.getString(3),
                                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8)));
                    }
                }
            }
            return null;
        });
    }

    public List<AuditCheckpoint> checkpoints() {
        return jdbc.tx("audit checkpoints", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash, at, signature FROM audit_checkpoint"
                    + " ORDER BY seq"); ResultSet rs = ps.executeQuery()) {
                List<AuditCheckpoint> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AuditCheckpoint(rs.getLong(1), rs.getString(2), Jdbc.instant(rs.getTimestamp(3)),
                            rs.getBytes(4)));
                }
                return out;
            }
        });
    }
}
