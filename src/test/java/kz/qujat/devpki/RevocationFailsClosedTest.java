package kz.qujat.devpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.TsaClient;
import kz.qujat.eds.ValidationPolicy;
import kz.qujat.eds.ValidationReport;
import kz.qujat.eds.VerificationResult;
import kz.qujat.eds.VerificationResult.Failure;
import kz.qujat.eds.VerificationResult.Indication;
import kz.qujat.eds.VerificationResult.RevocationSource;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.DevCrls;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation never fails open: the status comes from OCSP or from a CRL fresh by policy; a stale CRL — the
 * committed certs-dev one is a week old and good for nine more years — says nothing, and the verdict is
 * INDETERMINATE (retry), never VALID.
 */
class RevocationFailsClosedTest {
    private static final byte[] DECISION = "{\"decision\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8);
    private static final Path CERTS = DevIdentities.dir();
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/ocsp");

    @TempDir
    Path dir;

    /** The scenario: --ocsp URL --require-timestamp, the responder says revoked and then goes down. */
    @Test
    void aResponderThatSaidRevokedAndWentDownNeverLetsTheOfficerThrough() throws Exception {
        SigningKey officer = DevIdentities.signingKey("officer-astana");
        BigInteger serial = officer.certificate().getSerialNumber();
        Instant revokedAt = TestClock.liveNow().minus(Duration.ofHours(2));
        DevPkiServer pki = DevPkiServer.start(0, DevServices.tsa(CERTS, TestClock.live()),
                DevServices.ocsp(CERTS, TestClock.live(), Map.of(serial, revokedAt)));
        URI ocsp = URI.create(pki.ocspUrl());
        byte[] cms;
        CmsVerifier server;
        try {
            cms = CmsSigner.signDetached(officer, DECISION, new TsaClient(URI.create(pki.tsaUrl())));
            server = new CmsVerifier(DevIdentities.trust(), TestClock.live(), ValidationPolicy.of(ocsp, true));
            VerificationResult told = server.verifyDetached(cms, DECISION, KeyPurpose.SIGNING);
            assertThat(told.failure()).as(told.reason()).isEqualTo(Failure.REVOKED);
        } finally {
            pki.close();
        }
        assertThat(DevIdentities.trust().crls()).as("the stale CRL is present and does not list the officer")
                .allSatisfy(crl -> assertThat(crl.getRevokedCertificate(serial)).isNull());

        VerificationResult remembered = server.verifyDetached(cms, DECISION, KeyPurpose.SIGNING);
        assertThat(remembered.failure()).as("the kept OCSP answer, within its validity").isEqualTo(Failure.REVOKED);
        assertThat(remembered.valid()).isFalse();

        CmsVerifier restarted = new CmsVerifier(DevIdentities.trust(), TestClock.live(), ValidationPolicy.of(ocsp, true));
        VerificationResult r = restarted.verifyDetached(cms, DECISION, KeyPurpose.SIGNING);
        assertThat(r.valid()).isFalse();
        assertThat(r.indication()).as(r.reason()).isEqualTo(Indication.INDETERMINATE);
        assertThat(r.failure()).isEqualTo(Failure.REVOCATION_UNAVAILABLE);
        assertThat(r.reason()).contains("older than the allowed 24 h", "was issued");
    }

    @Test
    void aKeptOcspAnswerIsUsedOnlyWithinItsValidity() throws Exception {
        SigningKey officer = DevIdentities.signingKey("officer-almaty");
        AtomicReference<Instant> now = new AtomicReference<>(TestClock.liveNow());
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        byte[] cms = CmsSigner.signDetached(officer, DECISION);
        DevPkiServer pki = DevServices.serve(CERTS, 0, TestClock.live());
        CmsVerifier verifier = new CmsVerifier(DevIdentities.trust(), clock,
                ValidationPolicy.of(URI.create(pki.ocspUrl()), false));
        try {
            assertThat(verifier.verifyDetached(cms, DECISION, KeyPurpose.SIGNING).indication()).isEqualTo(Indication.VALID);
        } finally {
            pki.close();
        }
        VerificationResult kept = verifier.verifyDetached(cms, DECISION, KeyPurpose.SIGNING);
        assertThat(kept.indication()).as(kept.reason()).isEqualTo(Indication.VALID);
        assertThat(kept.evidence().revocationSource()).isEqualTo(RevocationSource.OCSP);

        now.set(now.get().plus(Duration.ofHours(2)));   // past the dev responder's one-hour next-update
        VerificationResult expired = verifier.verifyDetached(cms, DECISION, KeyPurpose.SIGNING);
        assertThat(expired.indication()).as(expired.reason()).isEqualTo(Indication.INDETERMINATE);
    }

    @Test
    void aFreshCrlDroppedInTheTrustFolderAnswersWithItsAgeWithoutARestart() throws Exception {
        Path trust = DevCrls.trustFolder(dir.resolve("trust"), null);
        Files.copy(DevIdentities.file("trust/intermediate-ca.crl"), trust.resolve("intermediate-ca.crl"));
        CmsVerifier verifier = new CmsVerifier(TrustConfig.load(trust), TestClock.live(), ValidationPolicy.of(NOWHERE, false));
        SigningKey good = DevIdentities.signingKey("officer-almaty");
        SigningKey gone = DevIdentities.signingKey("officer-astana");
        byte[] goodCms = CmsSigner.signDetached(good, DECISION);
        byte[] goneCms = CmsSigner.signDetached(gone, DECISION);

        VerificationResult stale = verifier.verifyDetached(goodCms, DECISION, KeyPurpose.SIGNING);
        assertThat(stale.indication()).as(stale.reason()).isEqualTo(Indication.INDETERMINATE);
        assertThat(ValidationReport.of(stale).text()).contains("INDETERMINATE", "older than the allowed");

        Instant issued = TestClock.liveNow().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        DevCrls.write(trust.resolve("intermediate-ca.crl"), DevCrls.intermediate(issued,
                List.of(gone.certificate().getSerialNumber())));
        Await.until(Duration.ofSeconds(10), "the trust folder reloaded", () ->
                verifier.verifyDetached(goodCms, DECISION, KeyPurpose.SIGNING).valid());
        VerificationResult fresh = verifier.verifyDetached(goodCms, DECISION, KeyPurpose.SIGNING);
        assertThat(fresh.evidence().revocationSource()).isEqualTo(RevocationSource.CRL);
        assertThat(fresh.evidence().revocationCheckedAt()).isEqualTo(issued);
        assertThat(ValidationReport.of(fresh).text()).contains("checked against the CRL", "CRL issued " + issued,
                "3 h 0 min old");
        VerificationResult revoked = verifier.verifyDetached(goneCms, DECISION, KeyPurpose.SIGNING);
        assertThat(revoked.failure()).as(revoked.reason()).isEqualTo(Failure.REVOKED);

        // the next CRL is late: a day and an hour old, though good until next year
        DevCrls.write(trust.resolve("intermediate-ca.crl"), DevCrls.intermediate(
                TestClock.liveNow().minus(Duration.ofHours(25)), List.of()));
        Await.until(Duration.ofSeconds(10), "the late CRL is seen", () ->
                verifier.verifyDetached(goodCms, DECISION, KeyPurpose.SIGNING).indeterminate());
        assertThat(verifier.verifyDetached(goneCms, DECISION, KeyPurpose.SIGNING).indication())
                .as("a CRL that no longer lists the officer is stale: it cannot clear him")
                .isEqualTo(Indication.INDETERMINATE);
    }
}
