package kz.qujat.central;

import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Paths;
import kz.qujat.devpki.DevPkiServer;
import kz.qujat.devpki.DevServices;
import kz.qujat.devpki.DevTsa;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.TsaClient;
import kz.qujat.eds.ValidationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production configuration ({@code --require-timestamp --ocsp URL}) through real HTTP with the development
 * TSA and OCSP responder: CAdES-T required, the evidence stored with the decision, OCSP down → 503 unavailable.
 */
class TimestampedDecisionHttpTest {
    private static final String OFFICER = "officer-astana";

    @TempDir
    Path dir;

    @Test
    void aTimestampedDecisionIsAcceptedWithItsEvidenceStoredAndAnUntimedOneIsRefused() throws Exception {
        try (DevPkiServer pki = DevServices.serve(DevIdentities.dir(), 0, TestClock.live());
             TestCentral f = new TestCentral(b -> b.validation(ValidationPolicy.of(URI.create(pki.ocspUrl()), true)))) {
            UUID id = claimed(f);
            Http.Answer untimed = f.decide(OFFICER, OFFICER, id, f.document(OFFICER, id, "APPROVE", null, null));
            assertThat(untimed.status()).as(untimed.toString()).isEqualTo(400);
            assertThat(untimed.toString()).contains("NO_TIMESTAMP");

            DecisionDocument doc = f.document(OFFICER, id, "APPROVE", null, null);
            byte[] cms = CmsSigner.signDetached(DevIdentities.signingKey(OFFICER), doc.canonicalBytes(),
                    new TsaClient(URI.create(pki.tsaUrl())));
            Http.Answer a = post(f, id, doc, cms);
            assertThat(a.status()).as(a.toString()).isEqualTo(200);
            List<Object> row = f.query("SELECT timestamp_token, ocsp_response FROM decision WHERE application_id = ?", id)
                    .get(0);
            assertThat((byte[]) row.get(0)).isNotEmpty();
            assertThat((byte[]) row.get(1)).isNotEmpty();
            String metrics = f.http.get("/metrics", null).text();
            assertThat(metrics).containsPattern("qujat_eds_calls_seconds_count\\{outcome=\"answered\",service=\"ocsp\"\\} [1-9]");
        }
    }

    /**
     * {@code --tsa-policy}: a TSA that changed its policy OID (or another TSA) stamps under a policy the service
     * was not told to accept. The decision is refused naming both policies and nothing is stored; the same
     * decision time-stamped under the configured policy is accepted.
     */
    @Test
    void aTimeStampUnderAnotherTsaPolicyIsRefusedAndOneUnderTheConfiguredPolicyIsAccepted() throws Exception {
        String changedPolicy = "1.2.398.3.3.2.99.2";
        try (DevPkiServer pki = DevServices.serve(DevIdentities.dir(), 0, TestClock.live());
             DevPkiServer changed = DevPkiServer.start(0, DevServices.tsa(DevIdentities.dir(), TestClock.live(), changedPolicy),
                     DevServices.ocsp(DevIdentities.dir(), TestClock.live()));
             TestCentral f = new TestCentral(b -> b.validation(ValidationPolicy.of(URI.create(pki.ocspUrl()), true)
                     .withTsaPolicies(List.of(DevTsa.POLICY.getId()))))) {
            UUID id = claimed(f);
            DecisionDocument doc = f.document(OFFICER, id, "APPROVE", null, null);
            byte[] underChanged = CmsSigner.signDetached(DevIdentities.signingKey(OFFICER), doc.canonicalBytes(),
                    new TsaClient(URI.create(changed.tsaUrl())));
            Http.Answer refused = post(f, id, doc, underChanged);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("detail").asText()).contains("BAD_TIMESTAMP")
                    .contains("TSA policy " + changedPolicy).contains("not an accepted one [" + DevTsa.POLICY.getId() + "]");
            assertThat(f.scalar("SELECT count(*) FROM decision WHERE application_id = ?", id)).isEqualTo(0L);

            // asking the changed TSA for the configured policy: it refuses, so nothing is signed under a wrong one
            assertThatThrownBy(() -> CmsSigner.signDetached(DevIdentities.signingKey(OFFICER), doc.canonicalBytes(),
                    new TsaClient(URI.create(changed.tsaUrl()), java.time.Duration.ofSeconds(10), DevTsa.POLICY.getId())))
                    .isInstanceOf(EdsException.class).hasMessageContaining("the TSA refused");

            byte[] underConfigured = CmsSigner.signDetached(DevIdentities.signingKey(OFFICER), doc.canonicalBytes(),
                    new TsaClient(URI.create(pki.tsaUrl()), java.time.Duration.ofSeconds(10), DevTsa.POLICY.getId()));
            Http.Answer accepted = post(f, id, doc, underConfigured);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        }
    }

    @Test
    void whenOcspIsUnreachableAndNoCrlIsConfiguredTheDecisionIsUnavailableNotInvalid() throws Exception {
        Path trust = Files.createDirectories(dir.resolve("trust"));
        for (String name : List.of("root-ca.crt", "intermediate-ca.crt", "root-ca.crl")) {
            Files.copy(DevIdentities.dir().resolve("trust").resolve(name), trust.resolve(name));
        }
        DevPkiServer pki = DevServices.serve(DevIdentities.dir(), 0, TestClock.live());
        try (TestCentral f = new TestCentral(b -> b.trustDir(trust)
                .validation(ValidationPolicy.of(URI.create(pki.ocspUrl()), true)))) {
            UUID id = claimed(f);
            DecisionDocument doc = f.document(OFFICER, id, "APPROVE", null, null);
            byte[] cms = CmsSigner.signDetached(DevIdentities.signingKey(OFFICER), doc.canonicalBytes(),
                    new TsaClient(URI.create(pki.tsaUrl())));
            pki.close();
            Http.Answer a = post(f, id, doc, cms);
            assertThat(a.status()).as(a.toString()).isEqualTo(503);
            assertThat(a.json().get("type").asText()).isEqualTo("urn:qujat:problem:unavailable");
            assertThat(a.json().get("detail").asText()).contains("not confirmed, retrying");
            assertThat(f.scalar("SELECT count(*) FROM decision WHERE application_id = ?", id)).isEqualTo(0L);
            assertThat(f.http.get("/metrics", null).text())
                    .containsPattern("qujat_eds_calls_seconds_count\\{outcome=\"failed\",service=\"ocsp\"\\} [1-9]");
        } finally {
            pki.close();
        }
    }

    private static UUID claimed(TestCentral f) {
        UUID id = f.submit("ASTANA").id();
        assertThat(f.claim(OFFICER, id).status()).isEqualTo(200);
        return id;
    }

    private static Http.Answer post(TestCentral f, UUID id, DecisionDocument doc, byte[] cms) {
        return f.http.post(Paths.fill(Paths.DECISION, "id", id.toString()), f.token(OFFICER),
                Map.of("document", Base64.getEncoder().encodeToString(doc.canonicalBytes()),
                        "cms", Base64.getEncoder().encodeToString(cms)));
    }
}
