package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.qujat.Main;
import kz.qujat.api.Paths;
import kz.qujat.central.audit.AuditChain;
import kz.qujat.central.audit.AuditCheckpoint;
import kz.qujat.central.audit.AuditCommand;
import kz.qujat.central.audit.AuditExport;
import kz.qujat.central.audit.AuditRow;
import kz.qujat.central.audit.AuditVerifier;
import kz.qujat.central.audit.AuditVerifier.Finding;
import kz.qujat.central.store.AuditStore;
import kz.qujat.store.Database;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The tamper-evident audit log against a real PostgreSQL: every event of the lifecycle is a chained row, the
 * central service signs checkpoints, and rows changed, deleted or inserted directly in the database (triggers
 * switched off, as an administrator could) are caught and named by `audit verify`, on the database and on an
 * export. Reading personal data is audited and listed for a supervisor.
 */
class AuditChainHttpTest {
    private static final String OFFICER = "officer-astana";
    private static TestCentral f;
    private static Database db;
    private static AuditStore store;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        f = new TestCentral(b -> b.key(DevIdentities.dir().resolve("central-service.p12"), "qujat-dev".toCharArray())
                .auditCheckpoint(5, Duration.ofHours(1)));
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(f.jdbcUrl);
        db = Database.of(ds, "central");
        store = new AuditStore(db);
        f.decided("ASTANA", OFFICER, "ANNUL", "PHOTO", null);
        f.decided("ASTANA", OFFICER, "APPROVE", null, null);
        TestCentral.Submitted released = f.submit("ASTANA");
        f.claim(OFFICER, released.id());
        f.http.post(Paths.fill(Paths.RELEASE, "id", released.id().toString()), f.token(OFFICER), "");
        ApplicantLoopHttpTest.await(Duration.ofSeconds(20), () -> store.head().checkpointSeq() >= 5);
    }

    @AfterAll
    static void stop() {
        db.close();
        f.close();
    }

    /** The chain as `audit verify` reads it: every committed event linked first. */
    private static List<AuditRow> rows() {
        store.chainAll(10_000);
        return chained();
    }

    /** The chained rows as they are, without chaining what is pending. */
    private static List<AuditRow> chained() {
        List<AuditRow> rows = new ArrayList<>();
        store.rows(rows::add);
        return rows;
    }

    private static AuditVerifier.Report verify() throws Exception {
        return AuditVerifier.verify(rows(), store.checkpoints(), AuditCommand.signatures(
                DevIdentities.dir().resolve("central-service.crt"), DevIdentities.dir().resolve("trust")));
    }

    /** As someone with database access would: the append-only triggers do not fire for this session. */
    private static void tamper(String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(f.jdbcUrl); Statement st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Test
    void everyEventIsOneChainedRowAndTheServiceSignsCheckpoints() throws Exception {
        List<AuditRow> rows = rows();
        assertThat(rows).extracting(AuditRow::kind).contains("SUBMIT", "CLAIM", "DECISION_SIGNED", "ANNUL",
                "REFUND_OWED", "NOTIFICATION_QUEUED", "APPROVE", "RELEASE", "PD_READ");
        assertThat(rows).extracting(AuditRow::seq).isEqualTo(java.util.stream.LongStream.rangeClosed(1, rows.size())
                .boxed().toList());
        AuditVerifier.Report r = verify();
        assertThat(r.ok()).as(String.valueOf(r.problem())).isTrue();
        assertThat(r.signedUpTo()).isGreaterThanOrEqualTo(5);
        // the service refuses to change its own log
        try (Connection c = DriverManager.getConnection(f.jdbcUrl); Statement st = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("DELETE FROM audit_log WHERE seq = 1"))
                    .hasMessageContaining("append-only");
        }
        // a checkpoint signed by another key is refused by name
        AuditCheckpoint real = store.checkpoints().get(0);
        byte[] forged = kz.qujat.eds.CmsSigner.signDetached(DevIdentities.signingKey("production-node"),
                AuditChain.checkpointDocument(real.seq(), real.hash(), real.at()));
        AuditVerifier.Report wrongSigner = AuditVerifier.verify(rows(), List.of(new AuditCheckpoint(real.seq(),
                real.hash(), real.at(), forged)), AuditCommand.signatures(DevIdentities.dir().resolve("central-service.crt"),
                DevIdentities.dir().resolve("trust")));
        assertThat(wrongSigner.problem().finding()).isEqualTo(Finding.CHECKPOINT);
    }

    @Test
    void rowsChangedDeletedOrInsertedInPostgresqlAreCaughtAndNamed() throws Exception {
        synchronized (AuditChainHttpTest.class) {
            AuditRow seven = rows().get(6);
            // changed
            tamper("UPDATE audit_log SET actor_iin = '900722423029' WHERE seq = 7");
            AuditVerifier.Report changed = verify();
            assertThat(changed.problem().seq()).isEqualTo(7);
            assertThat(changed.problem().finding()).isEqualTo(Finding.CHANGED);
            tamper("UPDATE audit_log SET actor_iin = " + sql(seven.actorIin()) + " WHERE seq = 7");
            assertThat(verify().ok()).isTrue();

            // changed and re-hashed: the next row still links to the original
            String rehash = AuditChain.hash(seven.prevHash(), 7, seven.at(), seven.kind(), seven.applicationId(),
                    seven.actorIin(), "{\"note\":\"nothing happened\"}");
            tamper("UPDATE audit_log SET detail = '{\"note\":\"nothing happened\"}', hash = '" + rehash + "' WHERE seq = 7");
            AuditVerifier.Report rehashed = verify();
            assertThat(rehashed.problem().seq()).isEqualTo(7);
            assertThat(rehashed.problem().finding()).isEqualTo(Finding.CHANGED);
            tamper("UPDATE audit_log SET detail = " + sql(seven.detail()) + ", hash = '" + seven.hash() + "' WHERE seq = 7");

            // deleted
            AuditRow four = rows().get(3);
            tamper("DELETE FROM audit_log WHERE seq = 4");
            AuditVerifier.Report deleted = verify();
            assertThat(deleted.problem().seq()).isEqualTo(4);
            assertThat(deleted.problem().finding()).isEqualTo(Finding.DELETED);
            restore(four);
            assertThat(verify().ok()).as(String.valueOf(verify().problem())).isTrue();

            // inserted: the rows from 3 on pushed down by one, a forged row 3 that links to row 2
            List<AuditRow> before = rows();
            AuditRow two = before.get(1);
            Instant at = before.get(2).at();
            String forgedDetail = "{\"note\":\"forged\"}";
            String forgedHash = AuditChain.hash(two.hash(), 3, at, "REVIEW", null, "781105334039", forgedDetail);
            tamper("UPDATE audit_log SET seq = -seq WHERE seq >= 3", "UPDATE audit_log SET seq = -seq + 1 WHERE seq < 0",
                    "INSERT INTO audit_log (seq, at, kind, application_id, actor_iin, detail, prev_hash, hash) VALUES"
                            + " (3, '" + at + "', 'REVIEW', NULL, '781105334039', '" + forgedDetail + "', '" + two.hash()
                            + "', '" + forgedHash + "')");
            AuditVerifier.Report inserted = verify();
            assertThat(inserted.problem().seq()).isEqualTo(3);
            assertThat(inserted.problem().finding()).isEqualTo(Finding.INSERTED);
            tamper("DELETE FROM audit_log WHERE seq = 3", "UPDATE audit_log SET seq = -seq WHERE seq >= 4",
                    "UPDATE audit_log SET seq = -seq - 1 WHERE seq < 0");
            assertThat(verify().ok()).isTrue();

            // the whole chain re-hashed after a change: only the signed checkpoint shows it
            List<AuditRow> all = rows();
            String prev = all.get(0).hash();
            List<String> updates = new ArrayList<>();
            for (int i = 1; i < all.size(); i++) {
                AuditRow r = all.get(i);
                String detail = i == 1 ? "{\"note\":\"rewritten\"}" : r.detail();
                String h = AuditChain.hash(prev, r.seq(), r.at(), r.kind(), r.applicationId(), r.actorIin(), detail);
                updates.add("UPDATE audit_log SET detail = " + sql(detail) + ", prev_hash = '" + prev + "', hash = '" + h
                        + "' WHERE seq = " + r.seq());
                prev = h;
            }
            updates.add("UPDATE audit_head SET hash = '" + prev + "'");
            tamper(updates.toArray(String[]::new));
            AuditVerifier.Report rewritten = verify();
            assertThat(rewritten.problem().finding()).isEqualTo(Finding.CHECKPOINT);
            assertThat(rewritten.problem().seq()).isEqualTo(1);
            List<String> back = new ArrayList<>();
            for (AuditRow r : all) {
                back.add("UPDATE audit_log SET detail = " + sql(r.detail()) + ", prev_hash = '" + r.prevHash()
                        + "', hash = '" + r.hash() + "' WHERE seq = " + r.seq());
            }
            back.add("UPDATE audit_head SET hash = '" + all.get(all.size() - 1).hash() + "'");
            tamper(back.toArray(String[]::new));
            assertThat(verify().ok()).isTrue();
        }
    }

    /** Puts back a row the test deleted, from its own copy. */
    private static void restore(AuditRow r) throws Exception {
        tamper("INSERT INTO audit_log (seq, at, kind, application_id, actor_iin, detail, prev_hash, hash) VALUES ("
                + r.seq() + ", '" + r.at() + "', " + sql(r.kind()) + ", " + (r.applicationId() == null ? "NULL"
                : "'" + r.applicationId() + "'") + ", " + sql(r.actorIin()) + ", " + sql(r.detail()) + ", '"
                + r.prevHash() + "', '" + r.hash() + "')");
    }

    private static String sql(String s) {
        return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }

    @Test
    void eventsCommittedButNotYetChainedArePendingNeverABreakAndAnotherInstanceChainsThem() throws Exception {
        synchronized (AuditChainHttpTest.class) {
            rows();
            try (Connection chainer = DriverManager.getConnection(f.jdbcUrl); Statement st = chainer.createStatement()) {
                // a chainer somewhere holds the chain's head: it is at work, or its instance is dying mid-round
                chainer.setAutoCommit(false);
                st.execute("SELECT seq FROM audit_head FOR UPDATE");
                // an event committed through another instance's pool (this test's own store: nothing wakes the
                // central instance's chainer for it, as when the instance that committed it dies at once)
                store.record(Instant.parse("2026-12-02T06:00:00Z"), "PD_READ", null, "850314312017",
                        java.util.Map.of("what", "refunds", "role", "FINANCE"));
                assertThat(store.pending()).isEqualTo(1);
                AuditVerifier.Report r = AuditVerifier.verify(chained(), store.checkpoints(), null);
                assertThat(r.ok()).as(String.valueOf(r.problem())).isTrue();
                assertThat(AuditCommand.text(r, false) + AuditCommand.pendingText(store.pending()))
                        .contains("INTACT", "1 event(s) committed and not yet chained");
                // an event is never dropped from the pending ones before it is in the chain
                try (Connection other = DriverManager.getConnection(f.jdbcUrl); Statement del = other.createStatement()) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> del.execute("DELETE FROM audit_pending"))
                            .hasMessageContaining("only once chained");
                }
                chainer.rollback();
            }
            // the head is free again: the central instance's chainer finds the event at its next poll
            ApplicantLoopHttpTest.await(Duration.ofSeconds(20), () -> store.pending() == 0);
            List<AuditRow> rows = chained();
            AuditRow last = rows.get(rows.size() - 1);
            assertThat(last.kind()).isEqualTo("PD_READ");
            assertThat(last.detail()).contains("refunds");
            assertThat(verify().ok()).isTrue();
        }
    }

    @Test
    void theCommandVerifiesTheDatabaseAndAnExportAndNamesTheRowInTheFile() throws Exception {
        synchronized (AuditChainHttpTest.class) {
            Path export = tmp.resolve("audit.jsonl");
            assertThat(Main.commandLine().execute("audit", "export", "--db", f.jdbcUrl, "--out", export.toString()))
                    .isZero();
            String[] verifyFile = {"audit", "verify", "--file", export.toString(), "--cert",
                    DevIdentities.dir().resolve("central-service.crt").toString(), "--trust", DevIdentities.dir().resolve("trust").toString()};
            assertThat(Main.commandLine().execute(verifyFile)).isZero();
            assertThat(Main.commandLine().execute("audit", "verify", "--db", f.jdbcUrl, "--cert",
                    DevIdentities.dir().resolve("central-service.crt").toString(), "--trust",
                    DevIdentities.dir().resolve("trust").toString())).isZero();
            List<String> lines = new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
            int row5 = 5; // line 0 is the header, line n the row n
            lines.set(row5, lines.get(row5).replace("\"kind\":\"", "\"kind\":\"X"));
            Files.write(export, lines, StandardCharsets.UTF_8);
            assertThat(Main.commandLine().execute(verifyFile)).isEqualTo(1);
            List<AuditRow> rows = new ArrayList<>();
            List<AuditCheckpoint> cps = new ArrayList<>();
            AuditExport.read(Files.newBufferedReader(export), rows, cps);
            AuditVerifier.Report r = AuditVerifier.verify(rows, cps, null);
            assertThat(r.problem().seq()).isEqualTo(5);
            assertThat(AuditCommand.text(r, false)).contains("TAMPERED", "row 5", "CHANGED");
        }
    }

    @Test
    void readingPersonalDataIsAuditedAndASupervisorListsTheAccesses() throws Exception {
        synchronized (AuditChainHttpTest.class) {
            TestCentral.Submitted s = f.submit("ASTANA");
            f.claim(OFFICER, s.id());
            f.http.get(Paths.fill(Paths.PHOTO, "id", s.id().toString()), f.token(OFFICER));
            f.http.get(Paths.fill(Paths.SIGNATURE, "id", s.id().toString()), f.token(OFFICER));
            f.detail("supervisor", s.id());
            Http.Answer a = f.http.get(Paths.fill(Paths.ACCESSES, "id", s.id().toString()), f.token("supervisor"));
            assertThat(a.status()).as(a.toString()).isEqualTo(200);
            assertThat(a.json().findValuesAsText("what")).containsExactly("detail", "photo", "signature", "detail");
            assertThat(a.json().get(0).get("staffIin").asText()).isEqualTo("850314312017");
            assertThat(a.json().get(0).get("staffName").asText()).isEqualTo("ЖАКСЫБЕКОВ АРМАН");
            assertThat(a.json().get(3).get("role").asText()).isEqualTo("SUPERVISOR");
            // the Almaty supervisor may not see Astana's accesses; an officer may not list them at all
            assertThat(f.http.get(Paths.fill(Paths.ACCESSES, "id", s.id().toString()), f.token("supervisor-almaty"))
                    .status()).isEqualTo(404);
            assertThat(f.http.get(Paths.fill(Paths.ACCESSES, "id", s.id().toString()), f.token(OFFICER)).status())
                    .isEqualTo(403);
            assertThat(verify().ok()).isTrue();
        }
    }
}
