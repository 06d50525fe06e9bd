package kz.qujat.central.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import kz.qujat.domain.Region;
import kz.qujat.domain.Status;
import kz.qujat.store.Database;
import kz.qujat.testsupport.TestClock;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An approval is judged on the row read without a lock and written by one statement guarded by what was judged: a
 * change that lands between the two (the claim released, taken over, expired) makes the approval write nothing at all
 * and say why. The check itself makes the change here, on another connection, so the race happens every time.
 */
class DecisionRaceTest {
    private static final String OFFICER = "850314312017";
    private static final String OTHER = "870512401234";
    private Database db;
    private DataSource ds;
    private DecisionStore decisions;

    @BeforeEach
    void open() {
        ds = TestPostgres.freshDatabase();
        db = Database.of(ds, "central");
        decisions = new DecisionStore(db, (kind, ticket, reason, point, at) -> new NoticeTexts.Texts(kind, kind));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private UUID claimed(Instant now) {
        new ApplicationStore(db).insert(new ApplicationStore.NewApplication("900101300015", "012345678",
                Region.ASTANA, "ASTANA-01", "{}", new byte[] {1}, "a".repeat(64), new byte[] {2}, "b".repeat(64),
                "DEMO", TestClock.today(), -3, now, null, null), seq -> "Q-" + seq);
        return new ClaimStore(db).claimNextAndRead(Region.ASTANA, OFFICER, "OFFICER", now, Duration.ofMinutes(30))
                .orElseThrow().row().id();
    }

    private DecisionStore.Decision approval(UUID id, Instant now) {
        return new DecisionStore.Decision(id, "APPROVE", null, null, OFFICER, now, new byte[] {'d'}, new byte[] {'c'},
                null, null, "{\"order\":true}", 0, null);
    }

    private void meanwhile(String sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void assertNothingWritten(UUID id) throws Exception {
        assertThat(count("SELECT count(*) FROM decision WHERE application_id = '" + id + "'")).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE application_id = '" + id + "'")).isZero();
        assertThat(count("SELECT count(*) FROM history WHERE event = 'APPROVE' AND application_id = '" + id + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE kind IN ('APPROVE', 'DECISION_SIGNED')"
                + " AND application_id = '" + id + "'")).isZero();
    }

    @Test
    void anApprovalWithNothingInBetweenIsWrittenWhole() throws Exception {
        Instant now = TestClock.NOW;
        UUID id = claimed(now);
        DecisionStore.Result r = decisions.decide(id, row -> approval(id, now), now.plusSeconds(1));
        assertThat(r.outcome()).isEqualTo(DecisionStore.Outcome.DONE);
        assertThat(r.status()).isEqualTo(Status.APPROVED);
        assertThat(count("SELECT count(*) FROM decision WHERE application_id = '" + id + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE application_id = '" + id + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE kind IN ('APPROVE', 'DECISION_SIGNED')"
                + " AND application_id = '" + id + "'")).isEqualTo(2);
    }

    @Test
    void aClaimReleasedWhileTheApprovalWasJudgedMakesItWriteNothing() throws Exception {
        Instant now = TestClock.NOW;
        UUID id = claimed(now);
        DecisionStore.Result r = decisions.decide(id, row -> {
            meanwhile("UPDATE application SET status = 'SUBMITTED', claimed_by = NULL, claimed_at = NULL,"
                    + " claim_expires_at = NULL WHERE id = '" + id + "'");
            return approval(id, now);
        }, now.plusSeconds(1));
        assertThat(r.outcome()).isEqualTo(DecisionStore.Outcome.WRONG_STATUS);
        assertThat(r.status()).isEqualTo(Status.SUBMITTED);
        assertNothingWritten(id);
    }

    @Test
    void aClaimTakenOverByAnotherOfficerMeanwhileMakesItWriteNothing() throws Exception {
        Instant now = TestClock.NOW;
        UUID id = claimed(now);
        DecisionStore.Result r = decisions.decide(id, row -> {
            meanwhile("UPDATE application SET claimed_by = '" + OTHER + "' WHERE id = '" + id + "'");
            return approval(id, now);
        }, now.plusSeconds(1));
        assertThat(r.outcome()).isEqualTo(DecisionStore.Outcome.NOT_HOLDER);
        assertNothingWritten(id);
        assertThat(count("SELECT count(*) FROM application WHERE status = 'IN_REVIEW' AND id = '" + id + "'"))
                .isEqualTo(1);
    }

    @Test
    void aClaimThatExpiredMeanwhileMakesItWriteNothing() throws Exception {
        Instant now = TestClock.NOW;
        UUID id = claimed(now);
        DecisionStore.Result r = decisions.decide(id, row -> {
            meanwhile("UPDATE application SET claim_expires_at = '" + now.minusSeconds(60) + "' WHERE id = '" + id
                    + "'");
            return approval(id, now);
        }, now.plusSeconds(1));
        assertThat(r.outcome()).isEqualTo(DecisionStore.Outcome.CLAIM_EXPIRED);
        assertNothingWritten(id);
    }

    @Test
    void anAnnulmentChecksTheLockedRowAgain() throws Exception {
        Instant now = TestClock.NOW;
        UUID id = claimed(now);
        DecisionStore.Result r = decisions.decide(id, row -> {
            meanwhile("UPDATE application SET claimed_by = '" + OTHER + "' WHERE id = '" + id + "'");
            return new DecisionStore.Decision(id, "ANNUL", "BAD_PHOTO", null, OFFICER, now, new byte[] {'d'},
                    new byte[] {'c'}, null, null, null, 500_00, null);
        }, now.plusSeconds(1));
        assertThat(r.outcome()).isEqualTo(DecisionStore.Outcome.NOT_HOLDER);
        assertThat(count("SELECT count(*) FROM decision WHERE application_id = '" + id + "'")).isZero();
        assertThat(count("SELECT count(*) FROM refund WHERE application_id = '" + id + "'")).isZero();
    }
}
