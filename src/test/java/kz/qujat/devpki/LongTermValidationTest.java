package kz.qujat.devpki;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.TsaClient;
import kz.qujat.eds.ValidationPolicy;
import kz.qujat.eds.VerificationResult;
import kz.qujat.eds.VerificationResult.Failure;
import kz.qujat.eds.VerificationResult.Indication;
import kz.qujat.eds.VerificationResult.RevocationSource;
import kz.qujat.eds.VerificationResult.TimeSource;
import kz.qujat.testsupport.DevIdentities;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.junit.jupiter.api.Test;

/** CAdES-T and OCSP end to end against the running development TSA and OCSP responder over real HTTP. */
class LongTermValidationTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;
    private static final byte[] DECISION = "{\"decision\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8);
    private static final Path CERTS = DevIdentities.dir();

    @Test
    void timestampedSignatureIsValidWithOcspEvidenceAndTheRevokedOfficerIsRefusedByOcsp() throws Exception {
        try (DevPkiServer server = DevServices.serve(CERTS, 0, TestClock.live())) {
            CmsVerifier verifier = verifier(server.ocspUrl(), true, true);
            byte[] cms = CmsSigner.signDetached(key("officer-astana"), DECISION, new TsaClient(URI.create(server.tsaUrl())));
            VerificationResult r = verifier.verifyDetached(cms, DECISION, KeyPurpose.SIGNING);
            assertThat(r.indication()).as(r.reason()).isEqualTo(Indication.VALID);
            assertThat(r.valid()).isTrue();
            assertThat(r.evidence().timeSource()).isEqualTo(TimeSource.SIGNATURE_TIMESTAMP);
            assertThat(r.evidence().timestampToken()).isNotEmpty();
            assertThat(r.evidence().revocationSource()).isEqualTo(RevocationSource.OCSP);
            assertThat(r.evidence().ocspResponse()).isNotEmpty();
            assertThat(r.evidence().responder()).contains("OCSP responder");
            assertThat(r.evidence().chain()).hasSize(3);

            byte[] revoked = CmsSigner.signDetached(key("officer-revoked"), DECISION, new TsaClient(URI.create(server.tsaUrl())));
            VerificationResult refused = verifier.verifyDetached(revoked, DECISION, KeyPurpose.SIGNING);
            assertThat(refused.indication()).isEqualTo(Indication.INVALID);
            assertThat(refused.failure()).isEqualTo(Failure.REVOKED);
            assertThat(refused.evidence().ocspResponse()).isNotEmpty();

            byte[] login = CmsSigner.signAttached(DevIdentities.authenticationKey("officer-revoked"), DECISION);
            assertThat(verifier(server.ocspUrl(), false, false).verifyAttached(login, KeyPurpose.AUTHENTICATION).failure())
                    .isEqualTo(Failure.REVOKED);
        }
    }

    @Test
    void aSignatureTimestampedBeforeTheRevocationStaysValidAndOneAfterItDoesNot() throws Exception {
        SigningKey key = key("officer-astana");
        Instant from = key.certificate().getNotBefore().toInstant();
        Duration span = Duration.between(from, TestClock.liveNow());
        Instant signedAt = from.plus(span.dividedBy(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant revokedAt = from.plus(span.dividedBy(3).multipliedBy(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<BigInteger, Instant> revocation = Map.of(key.certificate().getSerialNumber(), revokedAt);
        DevOcsp ocsp = DevServices.ocsp(CERTS, TestClock.live(), revocation);
        try (DevPkiServer early = DevPkiServer.start(0, DevServices.tsa(CERTS, Clock.fixed(signedAt, ZoneOffset.UTC)), ocsp);
             DevPkiServer late = DevPkiServer.start(0, DevServices.tsa(CERTS, TestClock.live()), ocsp)) {
            CmsVerifier verifier = verifier(early.ocspUrl(), true, false);

            byte[] before = CmsSigner.signDetached(key, DECISION, new TsaClient(URI.create(early.tsaUrl())));
            VerificationResult stillValid = verifier.verifyDetached(before, DECISION, KeyPurpose.SIGNING);
            assertThat(stillValid.indication()).as(stillValid.reason()).isEqualTo(Indication.VALID);
            assertThat(stillValid.evidence().validationTime()).isEqualTo(signedAt);
            assertThat(stillValid.evidence().revocationTime()).isEqualTo(revokedAt);

            byte[] after = CmsSigner.signDetached(key, DECISION, new TsaClient(URI.create(late.tsaUrl())));
            assertThat(verifier.verifyDetached(after, DECISION, KeyPurpose.SIGNING).failure()).isEqualTo(Failure.REVOKED);
            byte[] untimed = CmsSigner.signDetached(key, DECISION);
            assertThat(verifier(early.ocspUrl(), false, false).verifyDetached(untimed, DECISION, KeyPurpose.SIGNING)
                    .failure()).isEqualTo(Failure.REVOKED);
        }
    }

    @Test
    void unreachableOcspIsIndeterminateUnlessACrlIsConfiguredAsFallback() throws Exception {
        byte[] cms = CmsSigner.signDetached(key("officer-almaty"), DECISION);
        URI nowhere = URI.create("http://127.0.0.1:9/ocsp");
        VerificationResult r = new CmsVerifier(trust(), TestClock.live(),
                new ValidationPolicy(nowhere, false, false, false, true, Duration.ofSeconds(2)))
                .verifyDetached(cms, DECISION, KeyPurpose.SIGNING);
        assertThat(r.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.valid()).isFalse();
        assertThat(r.failure()).isEqualTo(Failure.REVOCATION_UNAVAILABLE);

        VerificationResult stale = new CmsVerifier(trust(), TestClock.live(),
                new ValidationPolicy(nowhere, false, true, false, true, Duration.ofSeconds(2)))
                .verifyDetached(cms, DECISION, KeyPurpose.SIGNING);
        assertThat(stale.indication()).as("the committed CRL is a week old: not fresh enough to answer for OCSP")
                .isEqualTo(Indication.INDETERMINATE);

        TrustConfig freshTrust = TrustConfig.load(kz.qujat.testsupport.DevCrls.trustFolder(dir.resolve("trust"),
                kz.qujat.testsupport.DevCrls.intermediate(TestClock.liveNow().minus(Duration.ofHours(1)),
                        java.util.List.of())));
        VerificationResult fallback = new CmsVerifier(freshTrust, TestClock.live(),
                new ValidationPolicy(nowhere, false, true, false, true, Duration.ofSeconds(2)))
                .verifyDetached(cms, DECISION, KeyPurpose.SIGNING);
        assertThat(fallback.indication()).as(fallback.reason()).isEqualTo(Indication.VALID);
        assertThat(fallback.evidence().revocationSource()).isEqualTo(RevocationSource.CRL);

        assertThatThrownBy(() -> CmsSigner.signDetached(key("officer-almaty"), DECISION,
                new TsaClient(URI.create("http://127.0.0.1:9/tsa"), Duration.ofSeconds(2))))
                .isInstanceOfSatisfying(EdsException.class, e -> assertThat(e.kind()).isEqualTo(EdsException.Kind.UNREACHABLE));
    }

    @Test
    void aMissingOrForeignTimestampIsInvalidWhenRequired() throws Exception {
        try (DevPkiServer server = DevServices.serve(CERTS, 0, TestClock.live())) {
            CmsVerifier verifier = verifier(server.ocspUrl(), true, true);
            SigningKey key = key("supervisor");
            assertThat(verifier.verifyDetached(CmsSigner.signDetached(key, DECISION), DECISION, KeyPurpose.SIGNING)
                    .failure()).isEqualTo(Failure.NO_TIMESTAMP);

            TsaClient tsa = new TsaClient(URI.create(server.tsaUrl()));
            CMSSignedData a = new CMSSignedData(CmsSigner.signDetached(key, DECISION, tsa));
            CMSSignedData b = new CMSSignedData(CmsSigner.signDetached(key("officer-almaty"), DECISION, tsa));
            SignerInformation aSigner = a.getSignerInfos().getSigners().iterator().next();
            SignerInformation bSigner = b.getSignerInfos().getSigners().iterator().next();
            CMSSignedData swapped = CMSSignedData.replaceSigners(a, new SignerInformationStore(
                    SignerInformation.replaceUnsignedAttributes(aSigner, bSigner.getUnsignedAttributes())));
            VerificationResult r = verifier.verifyDetached(swapped.getEncoded(), DECISION, KeyPurpose.SIGNING);
            assertThat(r.failure()).isEqualTo(Failure.BAD_TIMESTAMP);
            assertThat(r.indication()).isEqualTo(Indication.INVALID);
        }
    }

    private static CmsVerifier verifier(String ocsp, boolean requireTimestamp, boolean strict) {
        return new CmsVerifier(trust(), TestClock.live(), new ValidationPolicy(URI.create(ocsp), false, !strict,
                requireTimestamp, true, Duration.ofSeconds(5)));
    }

    private static TrustConfig trust() {
        return DevIdentities.trust();
    }

    private static SigningKey key(String identity) {
        return DevIdentities.signingKey(identity);
    }
}
