package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kz.qujat.eds.VerificationResult.Failure;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.DevCrls;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one long-lived verifier keeps between signatures (the certificates a signature carried, the CRL signatures it
 * verified, the paths it built) never hides a change: an officer it cleared a moment ago is refused once a CRL that
 * lists them is dropped in, and a CRL in the CA's name but not signed by it is refused even though the real CRL it
 * replaces had verified.
 */
class VerificationCachesTest {
    private static final byte[] DECISION = "{\"decision\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aClearedOfficerIsRefusedOnceANewCrlListsThemAndAForgedCrlNeverClearsThem() throws Exception {
        Instant issued = TestClock.liveNow().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Path trust = DevCrls.trustFolder(dir.resolve("trust"), DevCrls.intermediate(issued, List.of()));
        CmsVerifier verifier = new CmsVerifier(TrustConfig.load(trust), TestClock.live());
        SigningKey officer = DevIdentities.signingKey("officer-astana");
        SigningKey colleague = DevIdentities.signingKey("officer-almaty");
        byte[] cms = CmsSigner.signDetached(officer, DECISION);
        byte[] colleagueCms = CmsSigner.signDetached(colleague, DECISION);

        for (int i = 0; i < 3; i++) {
            VerificationResult r = verifier.verifyDetached(cms, DECISION, KeyPurpose.SIGNING);
            assertThat(r.valid()).as(r.reason()).isTrue();
        }

        // the CA revokes the officer: the same verifier, with everything it kept, refuses the same signature
        DevCrls.write(trust.resolve("intermediate-ca.crl"), DevCrls.intermediate(issued.plusSeconds(60),
                List.of(officer.certificate().getSerialNumber())));
        Await.until(Duration.ofSeconds(10), "the new CRL is seen", () ->
                verifier.verifyDetached(cms, DECISION, KeyPurpose.SIGNING).failure() == Failure.REVOKED);
        assertThat(verifier.verifyDetached(colleagueCms, DECISION, KeyPurpose.SIGNING).valid()).isTrue();

        // a CRL in the CA's name that lists nobody, signed with another key, replaces it: nobody is cleared by it
        DevCrls.write(trust.resolve("intermediate-ca.crl"), CmsFixtures.crl(
                DevIdentities.certificate("trust/intermediate-ca.crt"), DevIdentities.caKey("other-ca"),
                issued.plusSeconds(120), issued.plus(Duration.ofDays(30)), List.of()));
        Await.until(Duration.ofSeconds(10), "the forged CRL is seen", () ->
                verifier.verifyDetached(colleagueCms, DECISION, KeyPurpose.SIGNING).failure()
                        == Failure.REVOCATION_UNAVAILABLE);
        VerificationResult forged = verifier.verifyDetached(cms, DECISION, KeyPurpose.SIGNING);
        assertThat(forged.valid()).isFalse();
        assertThat(forged.failure()).as(forged.reason()).isEqualTo(Failure.REVOCATION_UNAVAILABLE);

        // the real CRL back (a new file, read again): its signature is verified again and it clears the colleague
        DevCrls.write(trust.resolve("intermediate-ca.crl"), DevCrls.intermediate(issued.plusSeconds(180), List.of()));
        Await.until(Duration.ofSeconds(10), "the real CRL is seen again", () ->
                verifier.verifyDetached(colleagueCms, DECISION, KeyPurpose.SIGNING).valid());
        assertThat(verifier.verifyDetached(cms, DECISION, KeyPurpose.SIGNING).valid()).isTrue();
    }
}
