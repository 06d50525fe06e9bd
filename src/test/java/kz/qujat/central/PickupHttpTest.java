package kz.qujat.central;

import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ReadyReport;
import kz.qujat.domain.KzTime;
import kz.qujat.eds.CmsSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The end of the lifecycle: signed ready reports, the clerk's handover, the supervisor's annulment log. */
class PickupHttpTest {
    private static final String OFFICER = "officer-astana";
    private static TestCentral f;

    @BeforeAll
    static void start() throws Exception {
        f = new TestCentral(b -> b.peerCert(DevIdentities.dir().resolve("production-node.crt")));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static int ready(String signer, UUID id, String point) throws Exception {
        return ready(signer, id, point, "0" + "12345678");
    }

    private static int ready(String signer, UUID id, String point, String card) throws Exception {
        byte[] body = Json.mapper().writeValueAsBytes(new ReadyReport(id, point, card, TestClock.liveNow()));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f.url() + Paths.PRODUCTION_READY))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signer != null) {
            b.header("Qujat-Signature", Base64.getEncoder().encodeToString(
                    CmsSigner.signDetached(DevIdentities.signingKey(signer), body)));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String status(UUID id) {
        return f.detail(OFFICER, id).get("status").asText();
    }

    @Test
    void readyReportsMustBeSignedByThePeerAndAreIdempotent() throws Exception {
        UUID id = f.decided("ASTANA", OFFICER, "APPROVE", null, null).id();
        assertThat(ready(null, id, "ASTANA-01")).isEqualTo(401);
        assertThat(ready("central-service", id, "ASTANA-01")).isEqualTo(401);
        assertThat(ready("officer-astana", id, "ASTANA-01")).isEqualTo(401);
        assertThat(ready("production-node", id, "ASTANA-02")).isEqualTo(409);
        assertThat(ready("production-node", UUID.randomUUID(), "ASTANA-01")).isEqualTo(404);
        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(ready("production-node", id, "ASTANA-01")).isEqualTo(200);
        JsonNode d = f.detail(OFFICER, id);
        assertThat(d.get("status").asText()).isEqualTo("READY_FOR_PICKUP");
        assertThat(d.get("history").findValuesAsText("event"))
                .containsExactly("SUBMIT", "CLAIM", "APPROVE", "PRODUCTION_ACCEPTED", "READY");
        assertThat(ready("production-node", id, "ASTANA-01")).isEqualTo(200);
        assertThat(f.detail(OFFICER, id).get("history")).hasSize(5);
        assertThat(f.scalar("SELECT new_document_number FROM application WHERE id = ?", id)).isEqualTo("012345678");
    }

    @Test
    void aReadyReportThatConflictsWithCentralIs409AndFlaggedForAPersonNeverAlready() throws Exception {
        UUID id = f.decided("ASTANA", OFFICER, "APPROVE", null, null).id();
        assertThat(ready("production-node", id, "ASTANA-01", "000000111")).isEqualTo(200);
        assertThat(ready("production-node", id, "ASTANA-01", "000000111")).as("the same report again").isEqualTo(200);
        assertThat(ready("production-node", id, "ASTANA-01", "000000222")).as("another card number").isEqualTo(409);
        assertThat(f.scalar("SELECT new_document_number FROM application WHERE id = ?", id)).isEqualTo("000000111");
        assertThat(f.scalar("SELECT count(*) FROM divergence WHERE application_id = ? AND kind = 'TWO_CARD_NUMBERS'"
                + " AND resolved_at IS NULL", id)).isEqualTo(1L);
        assertThat(ready("production-node", id, "ASTANA-01", "000000222")).as("retried: still refused").isEqualTo(409);
        assertThat(f.scalar("SELECT count(*) FROM divergence WHERE application_id = ?", id)).as("one open flag")
                .isEqualTo(1L);

        UUID inReview = f.submit("ASTANA").id();
        assertThat(f.claim(OFFICER, inReview).status()).isEqualTo(200);
        assertThat(ready("production-node", inReview, "ASTANA-01", "000000333")).isEqualTo(409);
        assertThat(status(inReview)).isEqualTo("IN_REVIEW");
        assertThat(f.scalar("SELECT count(*) FROM divergence WHERE application_id = ? AND kind = 'READY_REPORT_CONFLICT'",
                inReview)).isEqualTo(1L);
    }

    @Test
    void theClerkHandsOverOnlyReadyDocumentsOfTheirPointWithBothConfirmations() throws Exception {
        String clerk = f.token("clerk-astana");
        TestCentral.Submitted here = f.decided("ASTANA", OFFICER, "APPROVE", null, null);
        ObjectNode elsewhere = Applicants.valid("ASTANA");
        elsewhere.put("registrationPoint", "ASTANA-02");
        TestCentral.Submitted there = f.submit(elsewhere);
        Http.Answer wrongPoint = f.http.get(Paths.fill(Paths.HANDOVER, "ticketNumber", there.ticket()), clerk);
        assertThat(wrongPoint.status()).isEqualTo(403);
        assertThat(wrongPoint.json().get("detail").asText()).contains("ASTANA-02");
        // the refusal names the point that holds the document, in both languages, with its address
        assertThat(wrongPoint.json().get("code").asText()).isEqualTo("OTHER_POINT");
        JsonNode heldAt = wrongPoint.json().get("heldAt");
        assertThat(heldAt.get("code").asText()).isEqualTo("ASTANA-02");
        assertThat(heldAt.get("name").get("ru").asText()).isEqualTo("Отдел документирования №2, г. Астана");
        assertThat(heldAt.get("name").get("kk").asText()).isEqualTo("№2 құжаттандыру бөлімі, Астана қ.");
        assertThat(heldAt.get("address").get("ru").asText()).isEqualTo("г. Астана, ул. Кенесары, 71");
        assertThat(wrongPoint.json().has("surname")).as("nothing of the applicant leaks").isFalse();
        Http.Answer notReady = f.http.get(Paths.fill(Paths.HANDOVER, "ticketNumber", here.ticket()), clerk);
        assertThat(notReady.status()).isEqualTo(409);
        assertThat(notReady.json().get("detail").asText()).contains("APPROVED");
        assertThat(f.http.get(Paths.fill(Paths.HANDOVER, "ticketNumber", "Q-9999999-9"), clerk).status()).isEqualTo(404);

        assertThat(ready("production-node", here.id(), "ASTANA-01")).isEqualTo(200);
        JsonNode info = f.http.get(Paths.fill(Paths.HANDOVER, "ticketNumber", here.ticket()), clerk).json();
        assertThat(info.get("status").asText()).isEqualTo("READY_FOR_PICKUP");
        assertThat(info.get("newDocumentNumber").asText()).isEqualTo("012345678");
        // the old card's number, as the application gave it, for the clerk to check against the surrendered card
        String oldCard = f.detail(OFFICER, here.id()).get("form").get("currentDocument").get("number").asText();
        assertThat(oldCard).matches("[0-9]{9}");
        assertThat(info.get("oldDocumentNumber").asText()).isEqualTo(oldCard);
        assertThat(info.get("point").get("code").asText()).isEqualTo("ASTANA-01");
        assertThat(info.get("point").get("name").get("kk").asText()).isEqualTo("№1 құжаттандыру бөлімі, Астана қ.");
        assertThat(f.http.get(Paths.HANDOVER_LIST + "?status=READY_FOR_PICKUP", clerk).json().findValuesAsText("ticketNumber"))
                .contains(here.ticket());

        String url = Paths.fill(Paths.HANDOVER, "ticketNumber", here.ticket());
        Http.Answer half = f.http.post(url, clerk, Map.of("identityChecked", true, "oldCardSurrendered", false));
        assertThat(half.status()).isEqualTo(400);
        assertThat(f.http.post(url, clerk, Map.of("identityChecked", true)).status()).isEqualTo(400);
        Http.Answer done = f.http.post(url, clerk, Map.of("identityChecked", true, "oldCardSurrendered", true));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("status").asText()).isEqualTo("ISSUED");
        assertThat(done.json().get("oldDocumentNumber").asText()).isEqualTo(oldCard);
        JsonNode last = f.detail(OFFICER, here.id()).get("history").get(5);
        assertThat(last.get("event").asText()).isEqualTo("HAND_OVER");
        assertThat(last.get("actorIin").asText()).isEqualTo("930217445040");
        assertThat(f.http.post(url, clerk, Map.of("identityChecked", true, "oldCardSurrendered", true)).status())
                .isEqualTo(409);
    }

    @Test
    void theAnnulmentLogFiltersAndTakesReviews() throws Exception {
        UUID photo = f.decided("ASTANA", OFFICER, "ANNUL", "PHOTO", null).id();
        UUID signature = f.decided("ALMATY", "officer-almaty", "ANNUL", "SIGNATURE", "подпись не читается").id();
        String sup = f.token("supervisor");
        // days as the server dates decisions: its clock runs on, and the suite may pass midnight in Almaty
        String tomorrow = KzTime.today(TestClock.live()).plusDays(1).toString();
        JsonNode all = f.http.get(Paths.ANNULMENTS, sup).json();
        String today = null;
        for (JsonNode entry : all) {
            if (entry.get("applicationId").asText().equals(photo.toString())) {
                today = KzTime.dateOf(Instant.parse(entry.get("annulledAt").asText())).toString();
            }
        }
        assertThat(all.findValuesAsText("applicationId")).contains(photo.toString(), signature.toString());
        assertThat(f.http.get(Paths.ANNULMENTS + "?region=ALMATY", sup).json().findValuesAsText("applicationId"))
                .contains(signature.toString()).doesNotContain(photo.toString());
        assertThat(f.http.get(Paths.ANNULMENTS + "?reason=PHOTO", sup).json().findValuesAsText("applicationId"))
                .contains(photo.toString()).doesNotContain(signature.toString());
        assertThat(f.http.get(Paths.ANNULMENTS + "?officer=900722423029", sup).json().findValuesAsText("applicationId"))
                .containsOnly(signature.toString());
        assertThat(f.http.get(Paths.ANNULMENTS + "?from=" + today + "&to=" + today, sup).json()
                .findValuesAsText("applicationId")).contains(photo.toString());
        assertThat(f.http.get(Paths.ANNULMENTS + "?from=" + tomorrow, sup).json()).isEmpty();
        assertThat(f.http.get(Paths.ANNULMENTS + "?reason=BORED", sup).status()).isEqualTo(400);
        JsonNode entry = f.http.get(Paths.ANNULMENTS + "?reason=SIGNATURE", sup).json().get(0);
        assertThat(entry.get("refundStatus").asText()).isEqualTo("OWED");
        assertThat(entry.get("officerName").asText()).isEqualTo("НУРЛАНОВА АЙГЕРИМ");

        String review = Paths.fill(Paths.ANNULMENT_REVIEW, "id", photo.toString());
        assertThat(f.http.post(review, sup, Map.of("verdict", "MAYBE", "comment", "?")).status()).isEqualTo(400);
        Http.Answer ok = f.http.post(review, sup, Map.of("verdict", "AGREE", "comment", "фото действительно тёмное"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("review").get("verdict").asText()).isEqualTo("AGREE");
        assertThat(ok.json().get("review").get("supervisorIin").asText()).isEqualTo("781105334039");
        UUID approved = f.decided("ASTANA", OFFICER, "APPROVE", null, null).id();
        assertThat(f.http.post(Paths.fill(Paths.ANNULMENT_REVIEW, "id", approved.toString()), sup,
                Map.of("verdict", "AGREE")).status()).isEqualTo(409);
    }

    @Test
    void theRegistryFeedNeedsTheKeyAndShowsInTheApplication() throws Exception {
        ObjectNode form = Applicants.valid("ASTANA");
        UUID id = f.submit(form).id();
        String iin = form.get("iin").asText();
        Map<String, Object> person = Map.of("iin", iin, "surname", "Әбілқайырова", "givenName", "Гүлнар",
                "birthDate", form.get("birthDate").asText(), "currentDocumentNumber",
                form.get("currentDocument").get("number").asText(), "photo", TestImages.b64(Applicants.PHOTO));
        String url = Paths.fill(Paths.REGISTRY_PERSON, "iin", iin);
        assertThat(f.http.put(url, null, person).status()).isEqualTo(401);
        assertThat(f.http.put(url, "wrong-key", person).status()).isEqualTo(401);
        assertThat(f.http.get(Paths.fill(Paths.REGISTRY_PHOTO, "id", id.toString()), f.token(OFFICER)).status())
                .isEqualTo(404);
        assertThat(f.http.put(url, TestCentral.FEED_KEY, person).status()).isEqualTo(201);
        assertThat(f.http.put(url, TestCentral.FEED_KEY, person).status()).isEqualTo(200);
        JsonNode registry = f.detail(OFFICER, id).get("registry");
        assertThat(registry.get("found").asBoolean()).isTrue();
        assertThat(registry.get("hasPhoto").asBoolean()).isTrue();
        assertThat(registry.get("hasSignature").asBoolean()).isFalse();
        Http.Answer photo = f.http.get(Paths.fill(Paths.REGISTRY_PHOTO, "id", id.toString()), f.token(OFFICER));
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(photo.body()).isEqualTo(Applicants.PHOTO);
        assertThat(f.http.get(Paths.fill(Paths.REGISTRY_SIGNATURE, "id", id.toString()), f.token(OFFICER)).status())
                .isEqualTo(404);
        Http.Answer sig = f.http.get(Paths.fill(Paths.SIGNATURE, "id", id.toString()), f.token(OFFICER));
        assertThat(sig.contentType()).isEqualTo("image/png");
        assertThat(sig.body()).isEqualTo(Applicants.SIGNATURE);
        assertThat(f.http.put(Paths.fill(Paths.REGISTRY_PERSON, "iin", "123"), TestCentral.FEED_KEY, person)
                .status()).isEqualTo(400);
    }

    @Test
    void withoutAFeedKeyTheFeedDoesNotExist() throws Exception {
        try (TestCentral noFeed = new TestCentral(b -> b.registryFeedKey(null))) {
            assertThat(noFeed.http.put(Paths.fill(Paths.REGISTRY_PERSON, "iin", "850314312017"), "x", Map.of())
                    .status()).isEqualTo(404);
        }
    }
}
