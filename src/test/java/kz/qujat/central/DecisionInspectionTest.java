package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Paths;
import kz.qujat.eds.CmsSigner;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;

/** The officer's inspection note (e.g. eye points clicked by hand) is stored with the decision, unsigned. */
class DecisionInspectionTest {

    @Test
    void theNoteIsStoredAndAMalformedOneRefused() throws Exception {
        try (TestCentral f = new TestCentral()) {
            UUID id = f.submit("ASTANA").id();
            assertThat(f.claim("officer-astana", id).status()).isEqualTo(200);
            DecisionDocument doc = f.document("officer-astana", id, "ANNUL", "PHOTO", "глаза закрыты");
            byte[] bytes = doc.canonicalBytes();
            String cms = Base64.getEncoder().encodeToString(
                    CmsSigner.signDetached(DevIdentities.signingKey("officer-astana"), bytes));
            String path = Paths.fill(Paths.DECISION, "id", id.toString());
            String token = f.token("officer-astana");
            Http.Answer bad = f.http.post(path, token, Map.of("document", Base64.getEncoder().encodeToString(bytes),
                    "cms", cms, "inspection", "points were manual"));
            assertThat(bad.status()).isEqualTo(400);
            Http.Answer ok = f.http.post(path, token, Map.of("document", Base64.getEncoder().encodeToString(bytes),
                    "cms", cms, "inspection", Map.of("facePoints", "MANUAL")));
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            assertThat((String) f.scalar("SELECT inspection_json FROM decision WHERE application_id = ?", id))
                    .isEqualTo("{\"facePoints\":\"MANUAL\"}");
        }
    }
}
