package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ProductionOrder;
import kz.qujat.domain.Eligibility;
import kz.qujat.eds.CmsSigner;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signed decisions through real HTTP with the certs-dev keys, the refund on annulment and the reapply rules. */
class DecisionHttpTest {
    private static final String OFFICER = "officer-astana";
    private static TestCentral f;

    @BeforeAll
    static void start() throws Exception {
        f = new TestCentral();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static UUID claimed() {
        UUID id = f.submit("ASTANA").id();
        assertThat(f.claim(OFFICER, id).status()).isEqualTo(200);
        return id;
    }

    @Test
    void approvalIsRecordedWithTheSignedDocumentAndAnOutboxOrder() throws Exception {
        UUID id = claimed();
        DecisionDocument doc = f.document(OFFICER, id, "APPROVE", null, null);
        Http.Answer a = f.decide(OFFICER, OFFICER, id, doc);
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.json().get("status").asText()).isEqualTo("APPROVED");
        List<Object> decision = f.query("SELECT decision, officer_iin, document FROM decision WHERE application_id = ?", id)
                .get(0);
        assertThat(decision.get(0)).isEqualTo("APPROVE");
        assertThat(decision.get(1)).isEqualTo("850314312017");
        assertThat((byte[]) decision.get(2)).isEqualTo(doc.canonicalBytes());
        String payload = (String) f.scalar("SELECT payload::text FROM outbox WHERE application_id = ?", id);
        ProductionOrder order = Json.mapper().readValue(payload, ProductionOrder.class);
        assertThat(order.applicationId()).isEqualTo(id);
        assertThat(payload).as("kept as the service wrote it (jsonb would print it again, keys reordered)")
                .isEqualTo(Json.mapper().writeValueAsString(order)).startsWith("{\"applicationId\":");
        assertThat(order.photo()).as("the outbox names the images, it does not copy them").isNull();
        assertThat(order.signature()).isNull();
        assertThat(order.photoSha256()).isEqualTo(kz.qujat.api.Canonical.sha256Hex(Applicants.PHOTO));
        assertThat(order.signatureSha256()).isEqualTo(doc.signatureSha256());
        assertThat(payload).as("no image in the row").doesNotContain(Base64.getEncoder().encodeToString(Applicants.PHOTO))
                .hasSizeLessThan(16 * 1024);
        assertThat(Base64.getDecoder().decode(order.decisionDocument())).isEqualTo(doc.canonicalBytes());
        JsonNode history = f.detail(OFFICER, id).get("history");
        assertThat(history.findValuesAsText("event")).containsExactly("SUBMIT", "CLAIM", "APPROVE");
        assertThat(history.get(2).get("actorIin").asText()).isEqualTo("850314312017");
        assertThat(f.decide(OFFICER, OFFICER, id, f.document(OFFICER, id, "APPROVE", null, null)).status())
                .as("a second decision").isEqualTo(409);
    }

    @Test
    void aDecisionSignedByAnotherOfficerIsRefused() {
        UUID id = claimed();
        Http.Answer a = f.decide(OFFICER, "officer-almaty", id, f.document(OFFICER, id, "APPROVE", null, null));
        assertThat(a.status()).as(a.toString()).isEqualTo(403);
        assertThat(f.detail(OFFICER, id).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aDecisionOverAnotherPhotoHashIsRefused() {
        UUID id = claimed();
        DecisionDocument d = f.document(OFFICER, id, "APPROVE", null, null);
        DecisionDocument changed = new DecisionDocument(d.applicationId(), d.ticketNumber(), d.decision(), d.reason(),
                d.comment(), d.formSha256(), "0".repeat(64), d.signatureSha256(), d.policyVersion(), d.officerIin(),
                d.decidedAt());
        Http.Answer a = f.decide(OFFICER, OFFICER, id, changed);
        assertThat(a.status()).as(a.toString()).isEqualTo(409);
        assertThat(a.json().get("errors").findValuesAsText("field")).containsExactly("photoSha256");
        assertThat(f.detail(OFFICER, id).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void badSignaturesAndDocumentsAreRefusedWithTheReason() throws Exception {
        UUID id = claimed();
        DecisionDocument doc = f.document(OFFICER, id, "APPROVE", null, null);
        byte[] bytes = doc.canonicalBytes();
        String url = Paths.fill(Paths.DECISION, "id", id.toString());
        String token = f.token(OFFICER);
        byte[] authCms = CmsSigner.signDetached(DevIdentities.authenticationKey(OFFICER), bytes);
        Http.Answer wrongKey = f.http.post(url, token, Map.of("document", b64(bytes), "cms", b64(authCms)));
        assertThat(wrongKey.status()).isEqualTo(400);
        assertThat(wrongKey.json().get("detail").asText()).contains("WRONG_KEY_USAGE");
        DecisionDocument other = new DecisionDocument(id, doc.ticketNumber(), "ANNUL", "PHOTO", null, doc.formSha256(),
                doc.photoSha256(), doc.signatureSha256(), doc.policyVersion(), doc.officerIin(), doc.decidedAt());
        byte[] cms = CmsSigner.signDetached(DevIdentities.signingKey(OFFICER), bytes);
        Http.Answer forged = f.http.post(url, token, Map.of("document", b64(other.canonicalBytes()), "cms", b64(cms)));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("detail").asText()).contains("CONTENT_MISMATCH");
        assertThat(f.http.post(url, token, Map.of("document", "***", "cms", b64(cms))).status()).isEqualTo(400);
        assertThat(f.http.post(url, token, Map.of("document", b64("{\"a\":1}".getBytes()), "cms", b64(cms))).status())
                .isEqualTo(400);
        DecisionDocument late = new DecisionDocument(id, doc.ticketNumber(), "APPROVE", null, null, doc.formSha256(),
                doc.photoSha256(), doc.signatureSha256(), doc.policyVersion(), doc.officerIin(),
                doc.decidedAt().minusSeconds(3600));
        Http.Answer stale = f.decide(OFFICER, OFFICER, id, late);
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.json().get("errors").findValuesAsText("field")).containsExactly("decidedAt");
        Http.Answer noReason = f.decide(OFFICER, OFFICER, id, f.document(OFFICER, id, "ANNUL", null, null));
        assertThat(noReason.json().get("errors").findValuesAsText("field")).containsExactly("reason");
        Http.Answer noComment = f.decide(OFFICER, OFFICER, id,
                f.document(OFFICER, id, "ANNUL", "FURTHER_VERIFICATION", " "));
        assertThat(noComment.json().get("errors").findValuesAsText("field")).containsExactly("comment");
        assertThat(f.detail(OFFICER, id).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void anUnclaimedApplicationCannotBeDecided() {
        UUID id = f.submit("ASTANA").id();
        assertThat(f.claim(OFFICER, id).status()).isEqualTo(200);
        DecisionDocument doc = f.document(OFFICER, id, "APPROVE", null, null);
        assertThat(f.http.post(Paths.fill(Paths.RELEASE, "id", id.toString()), f.token(OFFICER), "").status())
                .isEqualTo(200);
        Http.Answer a = f.decide(OFFICER, OFFICER, id, doc);
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.json().get("detail").asText()).contains("SUBMITTED");
    }

    @Test
    void annulmentOwesTheRefundAndPhotoAnnulmentAllowsANewApplication() throws Exception {
        ObjectNode form = Applicants.valid("ASTANA");
        UUID id = f.submit(form).id();
        assertThat(f.claim(OFFICER, id).status()).isEqualTo(200);
        Http.Answer a = f.decide(OFFICER, OFFICER, id, f.document(OFFICER, id, "ANNUL", "PHOTO", "лицо в тени"));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.json().get("status").asText()).isEqualTo("ANNULLED");
        assertThat(f.query("SELECT status, amount_tiyn FROM refund WHERE application_id = ?", id).get(0))
                .containsExactly("OWED", 78640L);
        assertThat(f.scalar("SELECT count(*) FROM outbox WHERE application_id = ?", id)).isEqualTo(0L);
        form.put("feePaymentRef", "PAY-SECOND-TIME");
        assertThat(f.http.post(Paths.INTAKE, null, form).status()).as("R10: reapply after a photo annulment")
                .isEqualTo(201);
    }

    @Test
    void furtherVerificationSendsTheApplicantToAServiceCentre() {
        ObjectNode form = Applicants.valid("ASTANA");
        UUID id = f.submit(form).id();
        assertThat(f.claim(OFFICER, id).status()).isEqualTo(200);
        assertThat(f.decide(OFFICER, OFFICER, id,
                f.document(OFFICER, id, "ANNUL", "FURTHER_VERIFICATION", "документ требует проверки")).status())
                .isEqualTo(200);
        Http.Answer again = f.http.post(Paths.INTAKE, null, form);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("detail").asText()).isEqualTo(Eligibility.REFUSAL_MESSAGE);
    }

    /** The audit events of an application, chained or still pending, in their order: kind and detail. */
    private static List<List<Object>> auditEvents(UUID id) throws java.sql.SQLException {
        return f.query("SELECT kind, detail FROM (SELECT event_id AS n, kind, detail FROM audit_log"
                + " WHERE application_id = ? AND event_id IS NOT NULL UNION ALL SELECT id, kind, detail FROM audit_pending"
                + " WHERE application_id = ?) e ORDER BY n", id, id);
    }

    @Test
    void aDecisionWritesItsRowsAndAuditEventsInOrderAndARefusedOneWritesNothing() throws Exception {
        UUID id = claimed();
        DecisionDocument doc = f.document(OFFICER, id, "APPROVE", null, null);
        DecisionDocument stale = new DecisionDocument(id, doc.ticketNumber(), "APPROVE", null, null, "0".repeat(64),
                doc.photoSha256(), doc.signatureSha256(), doc.policyVersion(), doc.officerIin(), doc.decidedAt());
        int before = auditEvents(id).size();
        assertThat(f.decide(OFFICER, OFFICER, id, stale).status()).isEqualTo(409);
        assertThat(auditEvents(id)).as("a refused decision leaves no event").hasSize(before);
        assertThat(f.scalar("SELECT count(*) FROM decision WHERE application_id = ?", id)).isEqualTo(0L);
        assertThat(f.scalar("SELECT count(*) FROM history WHERE application_id = ?", id)).isEqualTo(2L);

        byte[] bytes = doc.canonicalBytes();
        byte[] cms = CmsSigner.signDetached(DevIdentities.signingKey(OFFICER), bytes);
        Http.Answer a = f.http.post(Paths.fill(Paths.DECISION, "id", id.toString()), f.token(OFFICER),
                Map.of("document", b64(bytes), "cms", b64(cms)));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        List<List<Object>> events = auditEvents(id);
        assertThat(events.subList(before, events.size())).extracting(e -> e.get(0))
                .containsExactly("APPROVE", "DECISION_SIGNED");
        assertThat(Json.mapper().readTree((String) events.get(before).get(1)))
                .isEqualTo(Json.mapper().readTree("{\"from\":\"IN_REVIEW\",\"to\":\"APPROVED\"}"));
        assertThat(Json.mapper().readTree((String) events.get(before + 1).get(1))).isEqualTo(Json.mapper().readTree(
                "{\"decision\":\"APPROVE\",\"documentSha256\":\"" + kz.qujat.api.Canonical.sha256Hex(bytes)
                        + "\",\"cmsSha256\":\"" + kz.qujat.api.Canonical.sha256Hex(cms) + "\"}"));
        assertThat(f.query("SELECT event, from_status, to_status, actor_iin, note FROM history WHERE application_id = ?"
                + " ORDER BY id DESC LIMIT 1", id).get(0)).containsExactly("APPROVE", "IN_REVIEW", "APPROVED",
                "850314312017", null);
        assertThat(f.query("SELECT status, annul_reason, claimed_by FROM application WHERE id = ?", id).get(0))
                .containsExactly("APPROVED", null, "850314312017");
        assertThat((byte[]) f.scalar("SELECT cms FROM decision WHERE application_id = ?", id)).isEqualTo(cms);

        UUID annulled = claimed();
        assertThat(f.decide(OFFICER, OFFICER, annulled, f.document(OFFICER, annulled, "ANNUL", "SIGNATURE", null))
                .status()).isEqualTo(200);
        assertThat(auditEvents(annulled)).extracting(e -> e.get(0)).containsSubsequence("ANNUL", "DECISION_SIGNED",
                "REFUND_OWED");
        assertThat(f.query("SELECT status, annul_reason FROM application WHERE id = ?", annulled).get(0))
                .containsExactly("ANNULLED", "SIGNATURE");
        assertThat(f.query("SELECT event, to_status, note FROM history WHERE application_id = ? ORDER BY id DESC"
                + " LIMIT 1", annulled).get(0)).containsExactly("ANNUL", "ANNULLED", "SIGNATURE");
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
