package kz.qujat.eds;

import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import kz.qujat.eds.VerificationResult.Failure;
import org.junit.jupiter.api.Test;

class CmsVerifierTest {
    private static final byte[] CONTENT = "{\"applicationId\":\"1\",\"decision\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8);
    private final CmsVerifier verifier = DevIdentities.verifier();

    private static SigningKey signingKey(String identity) throws EdsException {
        try (Pkcs12KeySource source = DevIdentities.open(identity)) {
            return source.signingKey();
        }
    }

    private static SigningKey authenticationKey(String identity) throws EdsException {
        try (Pkcs12KeySource source = DevIdentities.open(identity)) {
            return source.authenticationKey();
        }
    }

    @Test
    void rsaDetachedRoundTrip() throws Exception {
        SigningKey key = signingKey("officer-astana");
        Instant before = TestClock.liveNow().minusSeconds(1);
        VerificationResult r = verifier.verifyDetached(CmsSigner.signDetached(key, CONTENT), CONTENT, KeyPurpose.SIGNING);
        assertThat(r.valid()).as(r.reason()).isTrue();
        assertThat(r.failure()).isNull();
        assertThat(r.signer()).isEqualTo(key.certificate());
        assertThat(r.profile().iin()).isEqualTo("850314312017");
        assertThat(r.signingTime()).isBetween(before, TestClock.liveNow().plusSeconds(1));
        assertThat(r.content()).isEqualTo(CONTENT);
    }

    @Test
    void ecAttachedRoundTripGivesBackTheContent() throws Exception {
        SigningKey key = signingKey("officer-almaty");
        VerificationResult r = verifier.verifyAttached(CmsSigner.signAttached(key, CONTENT), KeyPurpose.SIGNING);
        assertThat(r.valid()).as(r.reason()).isTrue();
        assertThat(r.content()).isEqualTo(CONTENT);
        assertThat(r.profile().surname()).isEqualTo("НУРЛАНОВА");
    }

    @Test
    void authenticationKeysVerifyForAuthentication() throws Exception {
        for (String identity : List.of("officer-astana", "officer-almaty", "supervisor", "clerk-astana")) {
            byte[] challenge = ("challenge for " + identity).getBytes(StandardCharsets.UTF_8);
            VerificationResult r = verifier.verifyDetached(
                    CmsSigner.signDetached(authenticationKey(identity), challenge), challenge, KeyPurpose.AUTHENTICATION);
            assertThat(r.valid()).as(identity + ": " + r.reason()).isTrue();
        }
    }

    @Test
    void serviceKeysVerifyForSigning() throws Exception {
        for (String identity : List.of("central-service", "production-node")) {
            VerificationResult r = verifier.verifyDetached(
                    CmsSigner.signDetached(signingKey(identity), CONTENT), CONTENT, KeyPurpose.SIGNING);
            assertThat(r.valid()).as(identity + ": " + r.reason()).isTrue();
        }
    }

    @Test
    void tamperedContentIsAContentMismatch() throws Exception {
        byte[] cms = CmsSigner.signDetached(signingKey("officer-astana"), CONTENT);
        byte[] tampered = CONTENT.clone();
        tampered[5] ^= 1;
        assertFailure(verifier.verifyDetached(cms, tampered, KeyPurpose.SIGNING), Failure.CONTENT_MISMATCH);
    }

    @Test
    void tamperedSignatureIsABadSignature() throws Exception {
        for (String identity : List.of("officer-astana", "officer-almaty")) {
            byte[] cms = CmsFixtures.flipLastByte(CmsSigner.signDetached(signingKey(identity), CONTENT));
            assertFailure(verifier.verifyDetached(cms, CONTENT, KeyPurpose.SIGNING), Failure.BAD_SIGNATURE);
        }
    }

    @Test
    void aSignatureWithoutCertificatesHasNoSignerCertificate() throws Exception {
        byte[] cms = CmsFixtures.withoutCertificates(CmsSigner.signDetached(signingKey("officer-astana"), CONTENT));
        assertFailure(verifier.verifyDetached(cms, CONTENT, KeyPurpose.SIGNING), Failure.NO_SIGNER_CERTIFICATE);
    }

    @Test
    void revokedExpiredAndUntrustedOfficersAreRefused() throws Exception {
        assertFailure(verifier.verifyDetached(CmsSigner.signDetached(signingKey("officer-revoked"), CONTENT), CONTENT,
                KeyPurpose.SIGNING), Failure.REVOKED);
        assertFailure(verifier.verifyDetached(CmsSigner.signDetached(authenticationKey("officer-revoked"), CONTENT),
                CONTENT, KeyPurpose.AUTHENTICATION), Failure.REVOKED);
        assertFailure(verifier.verifyDetached(CmsSigner.signDetached(signingKey("officer-expired"), CONTENT), CONTENT,
                KeyPurpose.SIGNING), Failure.EXPIRED);
        assertFailure(verifier.verifyDetached(CmsSigner.signDetached(signingKey("officer-untrusted"), CONTENT), CONTENT,
                KeyPurpose.SIGNING), Failure.UNTRUSTED);
    }

    @Test
    void aCertificateNotYetValidIsRefused() throws Exception {
        SigningKey key = signingKey("officer-astana");
        Instant early = key.certificate().getNotBefore().toInstant().minus(Duration.ofHours(1));
        CmsVerifier past = new CmsVerifier(DevIdentities.trust(), Clock.fixed(early, ZoneOffset.UTC));
        assertFailure(past.verifyDetached(CmsSigner.signDetached(key, CONTENT), CONTENT, KeyPurpose.SIGNING),
                Failure.NOT_YET_VALID);
    }

    @Test
    void keysAreOnlyAcceptedForTheirPurpose() throws Exception {
        assertFailure(verifier.verifyDetached(CmsSigner.signDetached(authenticationKey("officer-astana"), CONTENT),
                CONTENT, KeyPurpose.SIGNING), Failure.WRONG_KEY_USAGE);
        assertFailure(verifier.verifyDetached(CmsSigner.signDetached(signingKey("officer-astana"), CONTENT),
                CONTENT, KeyPurpose.AUTHENTICATION), Failure.WRONG_KEY_USAGE);
    }

    @Test
    void aBindingToAnotherCertificateOrNoBindingIsRefused() throws Exception {
        SigningKey key = signingKey("officer-astana");
        byte[] wrongBinding = CmsFixtures.signedWithBinding(key, CONTENT, authenticationKey("officer-astana").certificate());
        assertFailure(verifier.verifyDetached(wrongBinding, CONTENT, KeyPurpose.SIGNING), Failure.CERTIFICATE_BINDING);
        byte[] noBinding = CmsFixtures.signedWithBinding(key, CONTENT, null);
        VerificationResult plain = verifier.verifyDetached(noBinding, CONTENT, KeyPurpose.SIGNING);
        assertFailure(plain, Failure.NOT_CADES);
        assertThat(plain.etsi()).isEqualTo(new VerificationResult.Etsi(VerificationResult.EtsiIndication.INDETERMINATE,
                VerificationResult.SubIndication.FORMAT_FAILURE));
        assertThat(plain.signatureIntact()).as("its mathematics is still reported").isTrue();
        byte[] rightBinding = CmsFixtures.signedWithBinding(key, CONTENT, key.certificate());
        assertThat(verifier.verifyDetached(rightBinding, CONTENT, KeyPurpose.SIGNING).valid()).isTrue();
    }

    @Test
    void garbageAndOtherBadShapesAreMalformedAndNeverThrow() throws Exception {
        byte[] cms = CmsSigner.signDetached(signingKey("officer-astana"), CONTENT);
        assertFailure(verifier.verifyDetached("garbage".getBytes(StandardCharsets.UTF_8), CONTENT, KeyPurpose.SIGNING),
                Failure.MALFORMED);
        assertFailure(verifier.verifyDetached(new byte[0], CONTENT, KeyPurpose.SIGNING), Failure.MALFORMED);
        assertFailure(verifier.verifyDetached(null, null, KeyPurpose.SIGNING), Failure.MALFORMED);
        assertFailure(verifier.verifyAttached(new byte[] {0x30, (byte) 0x82, 0x7f}, KeyPurpose.SIGNING), Failure.MALFORMED);
        assertFailure(verifier.verifyAttached(java.util.Arrays.copyOf(cms, cms.length / 2), KeyPurpose.SIGNING),
                Failure.MALFORMED);
        assertFailure(verifier.verifyAttached(cms, KeyPurpose.SIGNING), Failure.MALFORMED);
        byte[] two = CmsFixtures.twoSigners(signingKey("officer-astana"), signingKey("supervisor"), CONTENT);
        assertFailure(verifier.verifyDetached(two, CONTENT, KeyPurpose.SIGNING), Failure.MALFORMED);
    }

    @Test
    void anExpiredOrBadlySignedCrlIsNotTrusted() throws Exception {
        TrustConfig trust = DevIdentities.trust();
        var intermediate = trust.intermediates().get(0);
        SigningKey revoked = signingKey("officer-revoked");
        SigningKey good = signingKey("officer-astana");
        Instant now = TestClock.liveNow();
        // neither lists the revoked officer: trusting either would let the revoked officer through
        X509CRL expired = CmsFixtures.crl(intermediate, DevIdentities.caKey("intermediate-ca"),
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), List.of());
        X509CRL forged = CmsFixtures.crl(intermediate, DevIdentities.caKey("other-ca"),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), List.of());
        for (X509CRL crl : List.of(expired, forged)) {
            CmsVerifier v = new CmsVerifier(TrustConfig.of(trust.anchors(), trust.intermediates(), List.of(crl)),
                    TestClock.live());
            VerificationResult r = v.verifyDetached(CmsSigner.signDetached(revoked, CONTENT), CONTENT, KeyPurpose.SIGNING);
            // not knowing the status is INDETERMINATE (try later): never good, and never "revoked" or "untrusted"
            assertFailure(r, Failure.REVOCATION_UNAVAILABLE);
            assertThat(r.indeterminate()).isTrue();
            assertThat(r.reason()).contains("revocation status");
            assertFailure(v.verifyDetached(CmsSigner.signDetached(good, CONTENT), CONTENT, KeyPurpose.SIGNING),
                    Failure.REVOCATION_UNAVAILABLE);
        }
    }

    @Test
    void theCommittedCrlIsStillCurrentForYears() {
        Instant inEightYears = TestClock.liveNow().plus(Duration.ofDays(8 * 365));
        assertThat(DevIdentities.trust().crls()).allSatisfy(crl ->
                assertThat(crl.getNextUpdate().toInstant()).isAfter(inEightYears));
    }

    private static void assertFailure(VerificationResult r, Failure expected) {
        assertThat(r.valid()).isFalse();
        assertThat(r.failure()).as(r.reason()).isEqualTo(expected);
        assertThat(r.reason()).isNotBlank();
        assertThat(r.content()).isNull();
    }
}
