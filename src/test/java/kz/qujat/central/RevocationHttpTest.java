package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Paths;
import kz.qujat.devpki.DevPkiServer;
import kz.qujat.devpki.DevServices;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.TsaClient;
import kz.qujat.eds.ValidationPolicy;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import org.junit.jupiter.api.Test;

/**
 * The scenario through real HTTP, with {@code --ocsp URL --require-timestamp} and the committed
 * certs-dev CRL (a week old, good for years, not listing the officer): the responder says "revoked" and goes
 * down. The officer is never let in, and nobody's decision is accepted on the stale CRL: 401 while the kept
 * OCSP answer is valid, 503 "not confirmed" after that — never 200.
 */
class RevocationHttpTest {
    private static final String REVOKED = "officer-astana";
    private static final String OTHER = "officer-almaty";

    @Test
    void aResponderThatSaidRevokedAndWentDownLetsNoLoginOrDecisionThroughOnAStaleCrl() throws Exception {
        Instant revokedAt = TestClock.liveNow().minus(Duration.ofHours(2));
        Map<BigInteger, Instant> revoked = Map.of(
                DevIdentities.authenticationKey(REVOKED).certificate().getSerialNumber(), revokedAt,
                DevIdentities.signingKey(REVOKED).certificate().getSerialNumber(), revokedAt);
        DevPkiServer pki = DevPkiServer.start(0, DevServices.tsa(DevIdentities.dir(), TestClock.live()),
                DevServices.ocsp(DevIdentities.dir(), TestClock.live(), revoked));
        ValidationPolicy production = ValidationPolicy.of(URI.create(pki.ocspUrl()), true);
        try (TestCentral f = new TestCentral(b -> b.validation(production))) {
            assertThat(f.loginAnswer(REVOKED, false).status()).as("the responder says revoked").isEqualTo(401);
            UUID id = f.submit("ALMATY").id();
            assertThat(f.claim(OTHER, id).status()).isEqualTo(200);
            DecisionDocument doc = f.document(OTHER, id, "APPROVE", null, null);
            byte[] cms = CmsSigner.signDetached(DevIdentities.signingKey(OTHER), doc.canonicalBytes(),
                    new TsaClient(URI.create(pki.tsaUrl())));
            pki.close();

            Http.Answer again = f.loginAnswer(REVOKED, false);
            assertThat(again.status()).as("the kept OCSP answer still says revoked: %s", again).isEqualTo(401);
            Http.Answer decision = f.http.post(Paths.fill(Paths.DECISION, "id", id.toString()), f.token(OTHER),
                    Map.of("document", Base64.getEncoder().encodeToString(doc.canonicalBytes()),
                            "cms", Base64.getEncoder().encodeToString(cms)));
            assertThat(decision.status()).as(decision.toString()).isEqualTo(503);
            assertThat(decision.json().get("detail").asText()).contains("not confirmed, retrying");
            assertThat(f.scalar("SELECT count(*) FROM decision WHERE application_id = ?", id)).isEqualTo(0L);
        } finally {
            pki.close();
        }
        try (TestCentral restarted = new TestCentral(b -> b.validation(production))) {
            Http.Answer login = restarted.loginAnswer(REVOKED, false);
            assertThat(login.status()).as("no OCSP, a stale CRL: %s", login).isEqualTo(503);
            assertThat(login.json().get("type").asText()).isEqualTo("urn:qujat:problem:unavailable");
        }
    }
}
