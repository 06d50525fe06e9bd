package kz.qujat.central;

import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ReadyReport;
import kz.qujat.domain.KzTime;
import kz.qujat.eds.CmsSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supervisor's decision/annulment counts per officer and region, and the clerk's view of the photo. */
class SupervisorRatesAndClerkPhotoHttpTest {
    private static final String ASTANA_OFFICER_IIN = "850314312017";

    private TestCentral f;

    @BeforeEach
    void start() throws Exception {
        f = new TestCentral(b -> b.peerCert(DevIdentities.dir().resolve("production-node.crt")));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static JsonNode officer(JsonNode rates, String iin) {
        for (JsonNode o : rates.get("officers")) {
            if (o.get("officerIin").asText().equals(iin)) {
                return o;
            }
        }
        throw new AssertionError("no row for " + iin + " in " + rates);
    }

    @Test
    void ratesCountDecisionsAndAnnulmentsPerOfficerNextToTheRegion() {
        f.decided("ASTANA", "officer-astana", "ANNUL", "PHOTO", null);
        f.decided("ASTANA", "officer-astana", "ANNUL", "SIGNATURE", null);
        f.decided("ASTANA", "officer-astana", "APPROVE", null, null);
        f.decided("ASTANA", "officer-astana", "APPROVE", null, null);
        f.decided("ALMATY", "officer-almaty", "APPROVE", null, null);
        String sup = f.token("supervisor");

        JsonNode all = f.http.get(Paths.ANNULMENT_RATES, sup).json();
        JsonNode astana = officer(all, ASTANA_OFFICER_IIN);
        assertThat(astana.get("decisions").asLong()).isEqualTo(4);
        assertThat(astana.get("annulments").asLong()).isEqualTo(2);
        assertThat(astana.get("officerName").asText()).isEqualTo("ЖАКСЫБЕКОВ АРМАН");
        assertThat(all.get("regions").findValuesAsText("region")).containsExactly("ALMATY", "ASTANA");
        assertThat(all.get("regions").get(1).get("decisions").asLong()).isEqualTo(4);

        JsonNode photoOnly = f.http.get(Paths.ANNULMENT_RATES + "?reason=PHOTO", sup).json();
        assertThat(officer(photoOnly, ASTANA_OFFICER_IIN).get("decisions").asLong()).isEqualTo(4);
        assertThat(officer(photoOnly, ASTANA_OFFICER_IIN).get("annulments").asLong()).isEqualTo(1);

        JsonNode almatyOfficer = f.http.get(Paths.ANNULMENT_RATES + "?officer=900722423029", sup).json();
        assertThat(almatyOfficer.get("officers").findValuesAsText("officerIin")).containsOnly("900722423029");
        assertThat(almatyOfficer.get("regions")).hasSize(2);

        JsonNode astanaOnly = f.http.get(Paths.ANNULMENT_RATES + "?region=ASTANA", sup).json();
        assertThat(astanaOnly.get("regions").findValuesAsText("region")).containsExactly("ASTANA");
        // the day after the server's today, which may have passed midnight in Almaty since the suite started
        String tomorrow = KzTime.today(TestClock.live()).plusDays(1).toString();
        assertThat(f.http.get(Paths.ANNULMENT_RATES + "?from=" + tomorrow, sup).json().get("officers")).isEmpty();

        assertThat(f.http.get(Paths.ANNULMENT_RATES + "?reason=BORED", sup).status()).isEqualTo(400);
        assertThat(f.http.get(Paths.ANNULMENT_RATES, f.token("officer-astana")).status()).isEqualTo(403);
        assertThat(f.http.get(Paths.ANNULMENT_RATES, null).status()).isEqualTo(401);
    }

    @Test
    void theClerkSeesThePhotoOnlyOfAReadyDocumentOfTheirPoint() throws Exception {
        String clerk = f.token("clerk-astana");
        UUID here = f.decided("ASTANA", "officer-astana", "APPROVE", null, null).id();
        String photo = Paths.fill(Paths.PHOTO, "id", here.toString());
        assertThat(f.http.get(photo, clerk).status()).as("not ready yet").isEqualTo(404);
        ready(here, "ASTANA-01");
        Http.Answer ok = f.http.get(photo, clerk);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(Applicants.PHOTO);
        assertThat(f.http.get(Paths.fill(Paths.SIGNATURE, "id", here.toString()), clerk).status()).isEqualTo(403);
        assertThat(f.http.get(Paths.fill(Paths.APPLICATION, "id", here.toString()), clerk).status()).isEqualTo(403);

        ObjectNode elsewhere = Applicants.valid("ASTANA");
        elsewhere.put("registrationPoint", "ASTANA-02");
        UUID there = f.submit(elsewhere).id();
        assertThat(f.claim("officer-astana", there).status()).isEqualTo(200);
        assertThat(f.decide("officer-astana", "officer-astana", there,
                f.document("officer-astana", there, "APPROVE", null, null)).status()).isEqualTo(200);
        ready(there, "ASTANA-02");
        assertThat(f.http.get(Paths.fill(Paths.PHOTO, "id", there.toString()), clerk).status()).isEqualTo(404);
    }

    private void ready(UUID id, String point) throws Exception {
        byte[] body = Json.mapper().writeValueAsBytes(new ReadyReport(id, point, "012345678", TestClock.liveNow()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(f.url() + Paths.PRODUCTION_READY))
                .header("Content-Type", "application/json")
                .header("Qujat-Signature", Base64.getEncoder().encodeToString(
                        CmsSigner.signDetached(DevIdentities.signingKey("production-node"), body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isEqualTo(200);
    }
}
