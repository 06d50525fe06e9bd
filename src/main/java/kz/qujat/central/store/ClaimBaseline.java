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
 * The raw baseline of the claim benchmark: the claim SQL of {@link ClaimStore#claimNextAndRead} (one statement locks
 * the oldest waiting row with {@code SKIP LOCKED}, moves it to IN_REVIEW with the claim and returns the row; then the
 * history row) in one transaction,
 * over plain JDBC with server-side prepared statements, on as many connections as the service's pool, each
 * connection claiming until the region's queue is empty. What the API is measured against.
 *
 * <p>With {@code audited}, each claim also writes what the service's claim writes to the hash-chained audit log in
 * the same transaction (the CLAIM transition and the officer's PD_READ of the detail: two rows into
 * {@code audit_pending}, in one batch, which the service's chainer links into the hash chain after the commit):
 * the same SQL as the service's claim. Without, the claim SQL alone (the baseline as it was
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
                        try (PreparedStatement next = c.prepareStatement(ClaimStore.CLAIM_NEXT_SQL);
                             PreparedStatement history = c.prepareStatement("INSERT INTO history (application_id, at,"
                                     + " event, from_status, to_status, actor_iin, note) VALUES (?, ?, ?, ?, ?, ?, ?)");
                             PreparedStatement log = c.prepareStatement(Audit.INSERT_PENDING)) {
                            PreparedStatement audit = audited ? log : null;
                            while (true) {
                                long start = System.nanoTime();
                                if (!claimOne(c, next, history, audit, region, officerIin, ttl)) {
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

    private static boolean claimOne(Connection c, PreparedStatement next, PreparedStatement history,
                                    PreparedStatement audit,
                                    Region region, String officerIin, Duration ttl) throws SQLException {
        try {
            UUID id;
            Instant now = Instant.now();
            next.setString(1, region.name());
            next.setString(2, officerIin);
            next.setTimestamp(3, Timestamp.from(now));
            next.setTimestamp(4, Timestamp.from(now.plus(ttl)));
            try (ResultSet rs = next.executeQuery()) {
                if (!rs.next()) {
                    c.commit();
                    return false;
                }
                id = rs.getObject(1, UUID.class);
            }
            history.setObject(1, id);
            history.setTimestamp(2, Timestamp.from(now));
            history.setString(3, "CLAIM");
            history.setString(4, "SUBMITTED");
            history.setString(5, "IN_REVIEW");
            history.setString(6, officerIin);
            history.setString(7, null);
            history.executeUpdate();
            if (audit != null) {
                Map<String, Object> transition = new HashMap<>();
                transition.put("from", "SUBMITTED");
                transition.put("to", "IN_REVIEW");
                transition.put("note", null);
                Map<String, Object> read = new HashMap<>();
                read.put("what", "detail");
                read.put("role", "OFFICER");
                // as the service writes them: one batch into the pending events just before the commit (the
                // running service's chainer links them into the chain after the commit, as it does the API's)
                Instant time = AuditChain.time(now);
                for (var e : List.of(Map.entry("CLAIM", transition), Map.entry("PD_READ", read))) {
                    audit.setTimestamp(1, Timestamp.from(time));
                    audit.setString(2, e.getKey());
                    audit.setObject(3, id);
                    audit.setString(4, officerIin);
                    audit.setString(5, AuditChain.detail(e.getValue()));
                    audit.addBatch();
                }
                audit.executeBatch();
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }
}
