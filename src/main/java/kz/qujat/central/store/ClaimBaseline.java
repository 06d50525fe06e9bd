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
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.qujat.domain.Region;

/**
 * The raw baseline of the claim benchmark: the claim SQL of {@link ClaimStore#claimNext} (lock the oldest waiting
 * row with {@code SKIP LOCKED}, move it to IN_REVIEW, write the history row, record the claim) in one transaction,
 * over plain JDBC with server-side prepared statements, on as many connections as the service's pool, each
 * connection claiming until the region's queue is empty. What the API is measured against.
 */
public final class ClaimBaseline {
    private ClaimBaseline() {
    }

    /** Claims every waiting application of {@code region}; returns each claim's latency in nanoseconds. */
    public static List<Long> run(String jdbcUrl, String user, String password, int connections, Region region,
                                 String officerIin, Duration ttl) throws Exception {
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
                                     + " claimed_at = ?, claim_expires_at = ? WHERE id = ?")) {
                            while (true) {
                                long start = System.nanoTime();
                                if (!claimOne(c, next, status, history, claim, region, officerIin, ttl)) {
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
                                    PreparedStatement history, PreparedStatement claim, Region region,
                                    String officerIin, Duration ttl) throws SQLException {
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
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }
}
