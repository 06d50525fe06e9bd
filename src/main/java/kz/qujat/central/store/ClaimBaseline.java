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
 * {@code audit_pending}, in the history row's round trip as the service writes them, which the service's chainer
 * links into the hash chain after the commit): the same SQL as the service's claim, less its reads of the history
 * and the register record. Without, the claim SQL alone (the baseline as it was
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
                             PreparedStatement after = c.prepareStatement(audited
                                     ? Transitions.HISTORY_INSERT + "; " + ClaimStore.AUDIT_TWO
                                     : Transitions.HISTORY_INSERT)) {
                            while (true) {
                                long start = System.nanoTime();
                                if (!claimOne(c, next, after, audited, region, officerIin, ttl)) {
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

    private static boolean claimOne(Connection c, PreparedStatement next, PreparedStatement after, boolean audited,
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
            after.setObject(1, id);
            after.setTimestamp(2, Timestamp.from(now));
            after.setString(3, "CLAIM");
            after.setString(4, "SUBMITTED");
            after.setString(5, "IN_REVIEW");
            after.setString(6, officerIin);
            after.setString(7, null);
            if (audited) {
                Map<String, Object> transition = new HashMap<>();
                transition.put("from", "SUBMITTED");
                transition.put("to", "IN_REVIEW");
                transition.put("note", null);
                Map<String, Object> read = new HashMap<>();
                read.put("what", "detail");
                read.put("role", "OFFICER");
                // as the service writes them: in the history row's round trip, into the pending events (the running
                // service's chainer links them into the chain after the commit, as it does the API's)
                Instant time = AuditChain.time(now);
                int i = 8;
                for (var e : List.of(Map.entry("CLAIM", transition), Map.entry("PD_READ", read))) {
                    after.setTimestamp(i++, Timestamp.from(time));
                    after.setString(i++, e.getKey());
                    after.setObject(i++, id);
                    after.setString(i++, officerIin);
                    after.setString(i++, AuditChain.detail(e.getValue()));
                }
            }
            after.execute();
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }
}
