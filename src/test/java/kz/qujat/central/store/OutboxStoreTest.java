package kz.qujat.central.store;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kz.qujat.domain.Region;
import kz.qujat.store.Database;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leasing makes a crash between sending and marking harmless: the row comes back, and marking is idempotent. */
class OutboxStoreTest {
    private Database db;
    private DataSource ds;

    @BeforeEach
    void open() {
        ds = TestPostgres.freshDatabase();
        db = Database.of(ds, "central");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private UUID approvedWithOutboxRow(Instant now) throws Exception {
        var inserted = new ApplicationStore(db).insert(new ApplicationStore.NewApplication("850314312017", "012345678",
                Region.ASTANA, "ASTANA-01", "{}", new byte[] {1}, "a".repeat(64), new byte[] {2}, "b".repeat(64),
                "DEMO", TestClock.today(), -3, now, null, null), seq -> "Q-" + seq);
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("UPDATE application SET status = 'APPROVED' WHERE id = '" + inserted.id() + "'");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (application_id, payload, created_at,"
                    + " attempts, next_attempt_at) VALUES (?, '{}', now(), 0, ?)")) {
                ps.setObject(1, inserted.id());
                ps.setTimestamp(2, java.sql.Timestamp.from(now));
                ps.executeUpdate();
            }
        }
        return inserted.id();
    }

    private String status(UUID id) throws Exception {
        try (Connection c = ds.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT status FROM application WHERE id = '" + id + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aLeasedRowReturnsAfterTheLeaseAndIsDeliveredOnce() throws Exception {
        OutboxStore outbox = new OutboxStore(db);
        Instant now = TestClock.liveNow();
        UUID id = approvedWithOutboxRow(now);
        List<OutboxStore.Due> first = outbox.lease(now, 10, Duration.ofSeconds(60));
        assertThat(first).extracting(OutboxStore.Due::applicationId).containsExactly(id);
        assertThat(outbox.lease(now.plusSeconds(1), 10, Duration.ofSeconds(60))).as("leased to the first relay").isEmpty();
        // the first relay "crashed" after sending: the row is due again once the lease ends
        List<OutboxStore.Due> again = outbox.lease(now.plusSeconds(61), 10, Duration.ofSeconds(60));
        assertThat(again).extracting(OutboxStore.Due::applicationId).containsExactly(id);
        outbox.delivered(again.get(0), now.plusSeconds(62));
        outbox.delivered(first.get(0), now.plusSeconds(63));
        assertThat(status(id)).isEqualTo("IN_PRODUCTION");
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM history WHERE event = 'PRODUCTION_ACCEPTED'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
        assertThat(outbox.lease(now.plusSeconds(3600), 10, Duration.ofSeconds(60))).isEmpty();
    }

    @Test
    void aFailureSchedulesTheNextAttemptWithBackoff() throws Exception {
        OutboxStore outbox = new OutboxStore(db);
        Instant now = TestClock.liveNow();
        approvedWithOutboxRow(now);
        OutboxStore.Due due = outbox.lease(now, 10, Duration.ofSeconds(60)).get(0);
        outbox.failed(due, "HTTP 503", now);
        assertThat(outbox.lease(now.plusMillis(900), 10, Duration.ofSeconds(60))).isEmpty();
        OutboxStore.Due second = outbox.lease(now.plusMillis(1000), 10, Duration.ofSeconds(60)).get(0);
        assertThat(second.attempts()).isEqualTo(1);
        outbox.failed(second, "HTTP 503", now.plusMillis(1000));
        assertThat(outbox.lease(now.plusMillis(2900), 10, Duration.ofSeconds(60))).isEmpty();
        assertThat(outbox.lease(now.plusMillis(3000), 10, Duration.ofSeconds(60))).hasSize(1);
    }
}
