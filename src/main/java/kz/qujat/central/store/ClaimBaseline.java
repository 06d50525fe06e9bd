package kz.qujat.central.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.qujat.central.audit.AuditChain;
import kz.qujat.domain.Region;

/**
 * The raw baseline of the claim benchmark: the claim SQL of {@link ClaimStore#claimNext} (lock the oldest waiting
 * row with {@code SKIP LOCKED}, move it to IN_REVIEW, write the history row, record the claim) in one transaction,
 * over plain JDBC with server-side prepared statements, on as many connections as the service's pool, each
 * connection claiming until the region's queue is empty. What the API is measured against.
 *
 * <p>With {@code audited}, each claim also writes what the service's claim writes to the hash-chained audit log in
 * the same transaction (the CLAIM transition and the officer's PD_READ of the detail: lock the chain's head, two
 * rows, move the head): the same SQL as the service's claim. Without, the claim SQL alone (the baseline as it was
 * before the audit log existed).
 */
public final class ClaimBaseline {
    private ClaimBaseline() {
    }

    /** Claims every waiting application of {@code region}; returns each claim's latency in nanoseconds. */
    public static List<Long> run(String jdbcUrl, String user, String password, int connections, Region region,
                                 String officerIin, Duration ttl, boolean audited) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                done.add(pool.submit(() -> {
                    Properties p = new Properties();
                    if (user != null) {
                        p.setProperty("user", user);
                        p.setProperty("password", password == null ? "" : password);
                    }
                    p.setProperty("prepareThreshold", "1");
                    try (Connection c = DriverManager.getConnection(jdbcUrl, p)) {
                        c.setAutoCommit(false);
                        try (PreparedStatement next = c.prepareStatement("SELECT id FROM application WHERE region = ?"
                                + " AND status = 'SUBMITTED' ORDER BY submitted_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED");
                             PreparedStatement status = c.prepareStatement("UPDATE application SET status = ?"
                                     + " WHERE id = ? AND status = ?");
                             PreparedStatement history = c.prepareStatement("INSERT INTO history (application_id, at,"
                                     + " event, from_status, to_status, actor_iin, note) VALUES (?, ?, ?, ?, ?, ?, ?)");
                             PreparedStatement claim = c.prepareStatement("UPDATE application SET claimed_by = ?,"
                                     + " claimed_at = ?, claim_expires_at = ? WHERE id = ?");
                             PreparedStatement head = c.prepareStatement("SELECT seq, hash FROM audit_head FOR UPDATE");
                             PreparedStatement log = c.prepareStatement("INSERT INTO audit_log (seq, at, kind,"
                                     + " application_id, actor_iin, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                             PreparedStatement move = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ?")) {
                            AuditSql audit = audited ? new AuditSql(head, log, move) : null;
                            while (true) {
                                long start = System.nanoTime();
                                if (!claimOne(c, next, status, history, claim, audit, region, officerIin, ttl)) {
                                    break;
                                }
                                latencies.add(System.nanoTime() - start);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(latencies);
    }

    private static boolean claimOne(Connection c, PreparedStatement next, PreparedStatement status,
                                    PreparedStatement history, PreparedStatement claim, AuditSql audit,
                                    Region region, String officerIin, Duration ttl) throws SQLException {
        try {
            UUID id;
            next.setString(1, region.name());
            try (ResultSet rs = next.executeQuery()) {
                if (!rs.next()) {
                    c.commit();
                    return false;
                }
                id = rs.getObject(1, UUID.class);
            }
            Instant now = Instant.now();
            status.setString(1, "IN_REVIEW");
            status.setObject(2, id);
            status.setString(3, "SUBMITTED");
            status.executeUpdate();
            history.setObject(1, id);
            history.setTimestamp(2, Timestamp.from(now));
            history.setString(3, "CLAIM");
            history.setString(4, "SUBMITTED");
            history.setString(5, "IN_REVIEW");
            history.setString(6, officerIin);
            history.setString(7, null);
            history.executeUpdate();
            claim.setString(1, officerIin);
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setTimestamp(3, Timestamp.from(now.plus(ttl)));
            claim.setObject(4, id);
            claim.executeUpdate();
            if (audit != null) {
                Map<String, Object> transition = new HashMap<>();
                transition.put("from", "SUBMITTED");
                transition.put("to", "IN_REVIEW");
                transition.put("note", null);
                Map<String, Object> read = new HashMap<>();
                read.put("what", "detail");
                read.put("role", "OFFICER");
                // as the service writes them: together just before the commit, one lock of the chain's head
                long seq;
                String prev;
                try (ResultSet rs = audit.head.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                    prev = rs.getString(2);
                }
                for (var e : List.of(Map.entry("CLAIM", transition), Map.entry("PD_READ", read))) {
                    seq++;
                    Instant time = AuditChain.time(now);
                    String text = AuditChain.detail(e.getValue());
                    String hash = AuditChain.hash(prev, seq, time, e.getKey(), id, officerIin, text);
                    audit.log.setLong(1, seq);
                    audit.log.setTimestamp(2, Timestamp.from(time));
                    audit.log.setString(3, e.getKey());
                    audit.log.setObject(4, id);
                    audit.log.setString(5, officerIin);
                    audit.log.setString(6, text);
                    audit.log.setString(7, prev);
                    audit.log.setString(8, hash);
                    audit.log.addBatch();
                    prev = hash;
                }
                audit.log.executeBatch();
                audit.move.setLong(1, seq);
                audit.move.setString(2, prev);
                audit.move.executeUpdate();
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private record AuditSql(PreparedStatement head, PreparedStatement log, PreparedStatement move) {
    }
}
