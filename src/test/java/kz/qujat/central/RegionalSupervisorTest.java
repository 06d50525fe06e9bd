package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import kz.qujat.api.Paths;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;

/**
 * Scopes with the shipped staff directory: the Almaty supervisor of certs-dev sees and reviews only Almaty's
 * annulments, the national one every region's; the finance identity logs in as FINANCE for the whole country.
 */
class RegionalSupervisorTest {

    @Test
    void aRegionalSupervisorIsLimitedToTheirRegion() throws Exception {
        try (TestCentral f = new TestCentral()) {
            UUID astana = f.decided("ASTANA", "officer-astana", "ANNUL", "PHOTO", null).id();
            UUID almaty = f.decided("ALMATY", "officer-almaty", "ANNUL", "SIGNATURE", null).id();
            String sup = f.token("supervisor-almaty");
            assertThat(f.http.get(Paths.ANNULMENTS, sup).json().findValuesAsText("applicationId"))
                    .containsExactly(almaty.toString());
            Http.Answer other = f.http.get(Paths.ANNULMENTS + "?region=ASTANA", sup);
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.json().get("detail").asText()).contains("ALMATY");
            assertThat(f.http.post(Paths.fill(Paths.ANNULMENT_REVIEW, "id", astana.toString()), sup,
                    Map.of("verdict", "DISAGREE")).status()).isEqualTo(404);
            assertThat(f.http.post(Paths.fill(Paths.ANNULMENT_REVIEW, "id", almaty.toString()), sup,
                    Map.of("verdict", "DISAGREE", "comment", "фото в порядке")).status()).isEqualTo(200);
            // the review is an event of the audit log, by the supervisor who made it
            assertThat(f.scalar("SELECT actor_iin FROM audit_event WHERE kind = 'REVIEW' AND application_id = ?", almaty))
                    .isEqualTo("800612489082");
            assertThat(f.http.get(Paths.ANNULMENTS, f.token("supervisor")).json().findValuesAsText("applicationId"))
                    .containsExactlyInAnyOrder(astana.toString(), almaty.toString());
        }
    }

    @Test
    void theFinanceIdentityLogsInForTheWholeCountryAndCannotReview() throws Exception {
        try (TestCentral f = new TestCentral()) {
            Http.Answer login = f.loginAnswer("finance", false);
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.json().get("role").asText()).isEqualTo("FINANCE");
            assertThat(login.json().path("region").isNull() || login.json().path("region").isMissingNode()).isTrue();
            assertThat(f.http.get(Paths.ANNULMENTS, f.token("finance")).status()).isEqualTo(403);
            assertThat(f.http.get(Paths.QUEUE, f.token("finance")).status()).isEqualTo(403);
        }
    }
}
