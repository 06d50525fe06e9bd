package kz.qujat.central;

import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.StreamSupport;
import kz.qujat.api.Paths;
import kz.qujat.tools.synthetic.SyntheticApplicant;
import kz.qujat.tools.synthetic.SyntheticApplicants;
import org.junit.jupiter.api.Test;

/** The photo and signature checks run at intake: the portal hears the warnings, the queue shows the verdict. */
class IntakeChecksHttpTest {

    @Test
    void aTinyGreyPhotoIsAcceptedWithWarningsAndMarkedFailInTheQueue() throws Exception {
        try (TestCentral f = new TestCentral()) {
            ObjectNode bad = Applicants.valid("ASTANA"); // a 60x80 test image: far too small, and grey
            Http.Answer r = f.http.post(Paths.INTAKE, null, bad);
            assertThat(r.status()).isEqualTo(201);
            JsonNode warnings = r.json().get("warnings");
            assertThat(StreamSupport.stream(warnings.spliterator(), false).map(JsonNode::asText))
                    .anyMatch(w -> w.startsWith("photo.resolution FAIL: Разрешение слишком низкое"));
            String token = f.token("officer-astana");
            JsonNode queue = f.http.get(Paths.QUEUE, token).json();
            assertThat(queue.get(0).get("checks").asText()).isEqualTo("FAIL");
            String stored = (String) f.scalar("SELECT checks_json FROM application WHERE ticket_number = ?",
                    r.json().get("ticketNumber").asText());
            assertThat(stored).contains("\"name\":\"photo.resolution\"").contains("\"verdict\":\"FAIL\"");
            // the same-person check is stored with the others; with no register photo it says why it measured nothing
            JsonNode same = kz.qujat.api.Json.mapper().readTree(stored).get("samePerson");
            assertThat(same.get("verdict").asText()).isEqualTo("NOT_MEASURED");
            assertThat(same.get("messageKey").asText()).startsWith("inspect.samePerson.");
        }
    }

    @Test
    void aGoodSyntheticApplicantPassesWithoutFailures() throws Exception {
        try (TestCentral f = new TestCentral()) {
            SyntheticApplicant good = SyntheticApplicants.forSubmission(11, TestClock.today(), 0)
                    .next(kz.qujat.domain.Region.ASTANA);
            Http.Answer r = f.http.post(Paths.INTAKE, null, good.toIntakeRequest());
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.json().get("warnings").toString()).doesNotContain(" FAIL:");
            String token = f.token("officer-astana");
            assertThat(f.http.get(Paths.QUEUE, token).json().get(0).get("checks").asText()).isIn("PASS", "WARN");
        }
    }
}
