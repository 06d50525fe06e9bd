package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qujat.eds.VerificationResult.EtsiIndication;
import kz.qujat.eds.VerificationResult.Failure;
import kz.qujat.eds.VerificationResult.RevocationSource;
import kz.qujat.eds.VerificationResult.SubIndication;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

/** Verification of what the real national PKI issues: НУЦ РК test CAs, keys, CRLs, OCSP responses, time-stamp. */
class NcaVerificationTest {
    private static final byte[] CONTENT = "{\"decision\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8);

    private static CmsVerifier verifier(Instant at, OfflineEvidence evidence) {
        return new CmsVerifier(NcaTest.trust(), NcaTest.at(at), ValidationPolicy.BASIC, evidence);
    }

    private static void assertEtsi(VerificationResult r, EtsiIndication indication, SubIndication sub) {
        assertThat(r.etsi()).as(r.reason()).isEqualTo(new VerificationResult.Etsi(indication, sub));
    }

    @Test
    void aGost2015SignatureOfTheRealKeyPassesAgainstTheGost2015CaAndItsCrl() throws Exception {
        try (Pkcs12KeySource source = NcaTest.gost2015()) {
            SigningKey key = source.signingKey();
            byte[] detached = CmsSigner.sign(key, CONTENT, false, null, NcaTest.GOST_2015_TIME);
            VerificationResult r = verifier(NcaTest.GOST_2015_TIME, OfflineEvidence.NONE)
                    .verifyDetached(detached, CONTENT, KeyPurpose.SIGNING);
            assertEtsi(r, EtsiIndication.TOTAL_PASSED, null);
            assertThat(r.evidence().chain()).containsExactly(key.certificate(), NcaTest.gost2015Ca());
            assertThat(r.evidence().revocationSource()).isEqualTo(RevocationSource.CRL);
            ValidationReport report = ValidationReport.of(r);
            assertThat(report.text()).contains("TOTAL-PASSED", "GOST 34.310-2015 (512)", "123456789012",
                    "checked against the CRL");

            byte[] attached = CmsSigner.sign(key, CONTENT, true, null, NcaTest.GOST_2015_TIME);
            VerificationResult a = verifier(NcaTest.GOST_2015_TIME, OfflineEvidence.NONE)
                    .verifyAttached(attached, KeyPurpose.SIGNING);
            assertEtsi(a, EtsiIndication.TOTAL_PASSED, null);
            assertThat(a.content()).isEqualTo(CONTENT);

            assertEtsi(verifier(NcaTest.GOST_2015_TIME, OfflineEvidence.NONE).verifyDetached(detached,
                    "{\"decision\":\"ANNUL\"}".getBytes(StandardCharsets.UTF_8), KeyPurpose.SIGNING),
                    EtsiIndication.TOTAL_FAILED, SubIndication.HASH_FAILURE);
            byte[] broken = detached.clone();
            int at = indexOf(broken, new CMSSignedData(detached).getSignerInfos().getSigners().iterator().next()
                    .getSignature());
            broken[at + 3] ^= 1;
            VerificationResult b = verifier(NcaTest.GOST_2015_TIME, OfflineEvidence.NONE)
                    .verifyDetached(broken, CONTENT, KeyPurpose.SIGNING);
            assertEtsi(b, EtsiIndication.TOTAL_FAILED, SubIndication.SIG_CRYPTO_FAILURE);
            assertThat(b.signatureIntact()).isFalse();

            Instant expired = key.certificate().getNotAfter().toInstant().plusSeconds(3600);
            assertEtsi(verifier(expired, OfflineEvidence.NONE).verifyDetached(detached, CONTENT, KeyPurpose.SIGNING),
                    EtsiIndication.INDETERMINATE, SubIndication.OUT_OF_BOUNDS_NO_POE);
            assertThat(verifier(NcaTest.GOST_2015_TIME, OfflineEvidence.NONE).verifyDetached(detached, CONTENT,
                    KeyPurpose.AUTHENTICATION).failure()).isEqualTo(Failure.WRONG_KEY_USAGE);
        }
    }

    @Test
    void theRealOcspResponseSaysTheGost2015CertificateWasNeverIssued() throws Exception {
        try (Pkcs12KeySource source = NcaTest.gost2015()) {
            SigningKey key = source.signingKey();
            byte[] detached = CmsSigner.sign(key, CONTENT, false, null, NcaTest.GOST_2015_TIME);
            OfflineEvidence ocsp = new OfflineEvidence(List.of(NcaTest.bytes("ocsp/ocsp_response_individual_2015.bin")),
                    List.of(), Set.of());
            VerificationResult r = verifier(NcaTest.GOST_2015_TIME, ocsp).verifyDetached(detached, CONTENT,
                    KeyPurpose.SIGNING);
            assertEtsi(r, EtsiIndication.TOTAL_FAILED, SubIndication.REVOKED);
            assertThat(r.reason()).contains("never issued");
            assertThat(r.evidence().responder()).contains("OCSP RESPONDER");
        }
    }

    @Test
    void theGost2004CompanyHeadCertificateChainsToItsCaWithTheCrl() {
        X509Certificate ceo = NcaTest.cert("certs/ceo_valid_sign_2004_gost.cer");
        ChainCheck.Outcome outcome = new ChainCheck(NcaTest.trust()).check(ceo, List.of(), NcaTest.GOST_2004_TIME,
                NcaTest.GOST_2004_TIME, false);
        assertThat(outcome.problem()).isNull();
        assertThat(outcome.path()).containsExactly(ceo, NcaTest.gost2004Ca());
        ChainCheck.Outcome other = new ChainCheck(TrustConfig.of(List.of(NcaTest.gost2015Ca()), List.of(), List.of()))
                .check(ceo, List.of(), NcaTest.GOST_2004_TIME, NcaTest.GOST_2004_TIME, false);
        assertThat(other.problem().failure()).isEqualTo(Failure.UNTRUSTED);
        CertificateProfile profile = CertificateProfile.of(ceo);
        assertThat(profile.iin()).isEqualTo("123456789011");
        assertThat(profile.bin()).isEqualTo("123456789021");
        assertThat(profile.roleOids()).contains("1.2.398.3.3.4.1.2", "1.2.398.3.3.4.1.2.1");
    }

    @Test
    void theRealOcspResponsesVerifyGoodAndRevoked() throws Exception {
        Map<BigInteger, OcspClient.Answer> gost2004 = OcspClient.statuses(
                NcaTest.bytes("ocsp/ocsp_response_ceo_sign_2004_revoked.bin"), NcaTest.gost2004Ca());
        assertThat(gost2004.values()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(OcspClient.Status.REVOKED);
            assertThat(a.revocationTime()).isEqualTo(Instant.parse("2022-01-18T06:30:55Z"));
        });
        Map<BigInteger, OcspClient.Answer> gost2015 = OcspClient.statuses(
                NcaTest.bytes("ocsp/ocsp_response_ceo_2015_revoked.bin"), NcaTest.gost2015Ca());
        assertThat(gost2015.values()).singleElement().satisfies(a ->
                assertThat(a.status()).isEqualTo(OcspClient.Status.REVOKED));
        X509Certificate rsaSigner;
        try (Pkcs12KeySource source = NcaTest.open("individual_valid_sign_2004.p12", "Qwerty12")) {
            rsaSigner = source.signingKey().certificate();
        }
        OcspClient.Answer good = OcspClient.evidence(NcaTest.bytes("ocsp/ocsp_response_individual_sign_2004.bin"),
                rsaSigner, NcaTest.rsaCa());
        assertThat(good.status()).isEqualTo(OcspClient.Status.GOOD);
        assertThat(good.responder()).contains("BIN123456789021");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OcspClient.statuses(
                NcaTest.bytes("ocsp/ocsp_response_ceo_sign_2004_revoked.bin"), NcaTest.gost2015Ca()))
                .as("signed by another CA").isInstanceOf(EdsException.class);
    }

    /**
     * The real responder said "good" on 2022-09-02 about a certificate that expired on 2022-01-18, with no archive
     * cutoff: a responder need not keep the status of expired certificates (RFC 6960 4.4.4), so that answer says
     * nothing about a revocation before the expiry (as DSS also judges) — INDETERMINATE/TRY_LATER, never passed; the
     * chain itself is still found and reported. (The material has no answer from inside the certificate's validity.)
     */
    @Test
    void anRsaSignatureOfTheRealKeyIsNotProvenByAGoodAnswerFromAfterItsExpiry() throws Exception {
        try (Pkcs12KeySource source = NcaTest.open("individual_valid_sign_2004.p12", "Qwerty12")) {
            SigningKey key = source.signingKey();
            Instant at = Instant.parse("2021-06-01T09:00:00Z");
            byte[] sig = CmsSigner.sign(key, CONTENT, false, null, at);
            OfflineEvidence ocsp = new OfflineEvidence(List.of(NcaTest.bytes("ocsp/ocsp_response_individual_sign_2004.bin")),
                    List.of(), Set.of());
            VerificationResult r = verifier(at, ocsp).verifyDetached(sig, CONTENT, KeyPurpose.SIGNING);
            assertEtsi(r, EtsiIndication.INDETERMINATE, SubIndication.TRY_LATER);
            assertThat(r.reason()).contains("after the signer's certificate expired", "has no archive cutoff");
            assertThat(r.evidence().chain()).containsExactly(key.certificate(), NcaTest.rsaCa());
        }
    }

    @Test
    void theRealCrlRevokesTheRevokedRsaKey() throws Exception {
        try (Pkcs12KeySource source = NcaTest.open("individual_sign_revoked_2004.p12", "Qwerty12")) {
            SigningKey key = source.signingKey();
            byte[] sig = CmsSigner.sign(key, CONTENT, false, null, NcaTest.GOST_2004_TIME);
            VerificationResult r = verifier(NcaTest.GOST_2004_TIME, OfflineEvidence.NONE).verifyDetached(sig, CONTENT,
                    KeyPurpose.SIGNING);
            assertEtsi(r, EtsiIndication.TOTAL_FAILED, SubIndication.REVOKED);
        }
    }

    @Test
    void theRealGost2004TimestampTokenVerifiesAndItsPolicyIsChecked() throws Exception {
        TimeStampToken token = new TimeStampToken(new CMSSignedData(NcaTest.bytes("tsp/tsp_token.bin")));
        Timestamps.Checked checked = Timestamps.verify(token, new ChainCheck(NcaTest.trust()),
                Instant.parse("2022-09-18T13:30:00Z"));
        assertThat(checked.time()).isEqualTo(Instant.parse("2022-09-18T13:20:14Z"));
        assertThat(checked.policy()).isEqualTo("1.2.398.3.3.2.6.1");
        assertThat(checked.tsa().getSigAlgOID()).isEqualTo("1.2.398.3.10.1.1.1.2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Timestamps.verify(token,
                new ChainCheck(TrustConfig.of(List.of(NcaTest.gost2015Ca()), List.of(), List.of())),
                Instant.parse("2022-09-18T13:30:00Z"))).isInstanceOf(Timestamps.Refused.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
