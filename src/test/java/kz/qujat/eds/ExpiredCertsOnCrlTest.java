package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.qujat.eds.VerificationResult.Failure;
import kz.qujat.testsupport.DevCrls;
import kz.qujat.testsupport.DevIdentities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CA may drop a certificate from its CRL once the certificate has expired (RFC 5280 3.3), so a CRL issued after the
 * signer's certificate expired says nothing about a revocation before the expiry — unless its ExpiredCertsOnCRL
 * extension (2.5.29.60) says it keeps such entries back to that expiry. A time-stamped signature made while the
 * certificate was valid, judged later on such a CRL, is INDETERMINATE (revocation not established), not valid; a CRL
 * that lists the certificate still proves the revocation. The times are fixed (the development certificate
 * {@code officer-expired} was valid through 2023), so nothing depends on the day the test runs.
 */
class ExpiredCertsOnCrlTest {
    private static final X509Certificate EXPIRED = DevIdentities.certificate("officer-expired-sign.crt");
    private static final X509Certificate ISSUER = DevIdentities.certificate("trust/intermediate-ca.crt");
    /** The signing time, time-stamped, while the certificate was valid; and the verifier's clock, after it expired. */
    private static final Instant SIGNED = EXPIRED.getNotAfter().toInstant().minus(Duration.ofDays(200));
    private static final Instant NOW = EXPIRED.getNotAfter().toInstant().plus(Duration.ofDays(60));
    /** A current CRL at NOW, issued a month after the expiry. */
    private static final Instant CRL_ISSUED = EXPIRED.getNotAfter().toInstant().plus(Duration.ofDays(30));

    @TempDir
    Path dir;

    @Test
    void aCrlIssuedAfterTheExpiryWithoutTheExtensionClearsNobodyWhoExpiredBeforeIt() throws Exception {
        ChainCheck chains = chains(DevCrls.intermediate(CRL_ISSUED, List.of()));
        ChainCheck.CrlFinding finding = chains.signerStatus(EXPIRED, ISSUER, SIGNED, NOW, true);
        assertThat(finding.crl()).isNull();
        assertThat(finding.problem().failure()).isEqualTo(Failure.REVOCATION_UNAVAILABLE);
        assertThat(finding.problem().reason()).contains("ExpiredCertsOnCRL").contains(EXPIRED.getNotAfter().toInstant().toString());
        // the same through the path check's own CRL rule (a signer not judged by the fresh-by-policy rule, and CAs)
        ChainCheck.Outcome outcome = chains.check(EXPIRED, List.of(), SIGNED, NOW, false, false);
        assertThat(outcome.problem()).isNotNull();
        assertThat(outcome.problem().failure()).isEqualTo(Failure.REVOCATION_UNAVAILABLE);
        assertThat(outcome.problem().reason()).contains("ExpiredCertsOnCRL");
    }

    @Test
    void theExtensionReachingBackToTheExpiryMakesTheCrlSpeakForTheCertificate() throws Exception {
        ChainCheck chains = chains(DevCrls.intermediate(CRL_ISSUED, List.of(), NOW,
                EXPIRED.getNotAfter().toInstant().minus(Duration.ofDays(365))));
        ChainCheck.CrlFinding finding = chains.signerStatus(EXPIRED, ISSUER, SIGNED, NOW, true);
        assertThat(finding.problem()).isNull();
        assertThat(finding.crl()).isNotNull();
    }

    @Test
    void anExtensionDatedAfterTheExpiryDoesNot() throws Exception {
        ChainCheck chains = chains(DevCrls.intermediate(CRL_ISSUED, List.of(), NOW,
                EXPIRED.getNotAfter().toInstant().plus(Duration.ofDays(1))));
        assertThat(chains.signerStatus(EXPIRED, ISSUER, SIGNED, NOW, true).problem().failure())
                .isEqualTo(Failure.REVOCATION_UNAVAILABLE);
    }

    @Test
    void aCrlThatStillListsTheExpiredCertificateProvesTheRevocation() throws Exception {
        // revoked (key compromise) before the signing time, still listed a month after the expiry
        ChainCheck chains = chains(DevCrls.intermediate(CRL_ISSUED, List.of(EXPIRED.getSerialNumber()),
                SIGNED.minus(Duration.ofDays(10)), null));
        assertThat(chains.signerStatus(EXPIRED, ISSUER, SIGNED, NOW, true).problem().failure())
                .isEqualTo(Failure.REVOKED);
        // revoked after the time-stamped signing time: the signature stands, but this CRL cannot clear it either
        ChainCheck later = chains(DevCrls.intermediate(CRL_ISSUED, List.of(EXPIRED.getSerialNumber()),
                SIGNED.plus(Duration.ofDays(10)), null));
        assertThat(later.signerStatus(EXPIRED, ISSUER, SIGNED, NOW, true).problem().failure())
                .isEqualTo(Failure.REVOCATION_UNAVAILABLE);
    }

    @Test
    void aCertificateStillValidWhenTheCrlWasIssuedIsClearedAsBefore() throws Exception {
        X509Certificate current = DevIdentities.certificate("officer-astana-sign.crt");
        Instant issued = current.getNotBefore().toInstant().plus(Duration.ofDays(1));
        ChainCheck chains = chains(DevCrls.intermediate(issued, List.of()));
        ChainCheck.CrlFinding finding = chains.signerStatus(current, ISSUER, issued.plusSeconds(60),
                issued.plusSeconds(120), true);
        assertThat(finding.problem()).isNull();
        assertThat(ChainCheck.coversExpired(finding.crl(), current)).isTrue();
    }

    private ChainCheck chains(X509CRL crl) throws Exception {
        return new ChainCheck(TrustConfig.load(DevCrls.trustFolder(dir.resolve("trust"), crl)));
    }
}
