package kz.qujat.devpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.OfflineEvidence;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.ValidationPolicy;
import kz.qujat.eds.VerificationResult;
import kz.qujat.eds.VerificationResult.EtsiIndication;
import kz.qujat.eds.VerificationResult.RevocationSource;
import kz.qujat.eds.VerificationResult.SubIndication;
import kz.qujat.testsupport.DevIdentities;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * An archived OCSP response ({@code verify --ocsp-response}) proves a status only for the time it states (ETSI EN
 * 319 102-1 revocation freshness): a response from after the judged time, or within the allowed age before it,
 * answers; an older one is INDETERMINATE/TRY_LATER ("it says nothing about the status then"), never good; a
 * revocation before the judged time is final however old the response. All times derive from the certs-dev
 * certificates, never from the day the test runs.
 */
class ArchivedOcspFreshnessTest {
    private static final byte[] CONTENT = "{\"decision\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8);

    /** When the development responder answered: a month into the officers' certificates (validity 10 years). */
    private static Instant produced(SigningKey key) {
        return key.certificate().getNotBefore().toInstant().plus(30, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
    }

    /** The development OCSP responder's answer (next-update one hour later) about the key's certificate at {@code at}. */
    private static byte[] response(SigningKey key, Instant at) throws Exception {
        return response(key, at, null);
    }

    /** As {@link #response(SigningKey, Instant)}, stating the archive cutoff when one is given. */
    private static byte[] response(SigningKey key, Instant at, Instant archiveCutoff) throws Exception {
        X509Certificate issuer = key.chain().get(1);
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), key.certificate().getSerialNumber());
        DevOcsp responder = DevServices.ocsp(DevIdentities.dir(), Clock.fixed(at, ZoneOffset.UTC));
        if (archiveCutoff != null) {
            responder.keepingStatusesOfCertificatesExpiredSince(archiveCutoff);
        }
        return responder.respond(new OCSPReqBuilder().addRequest(id).build().getEncoded());
    }

    private static VerificationResult judge(SigningKey key, byte[] ocsp, Instant at, ValidationPolicy policy)
            throws Exception {
        byte[] cms = CmsSigner.sign(key, CONTENT, false, null, at);
        return new CmsVerifier(DevIdentities.trust(), Clock.fixed(at, ZoneOffset.UTC), policy,
                new OfflineEvidence(List.of(ocsp), List.of(), Set.of())).verifyDetached(cms, CONTENT, KeyPurpose.SIGNING);
    }

    private static void assertEtsi(VerificationResult r, EtsiIndication indication, SubIndication sub) {
        assertThat(r.etsi()).as(r.reason()).isEqualTo(new VerificationResult.Etsi(indication, sub));
    }

    @Test
    void aGoodAnswerCountsFromItsTimeOnAndWithinItsValidityButNotLater() throws Exception {
        SigningKey officer = DevIdentities.signingKey("officer-astana");
        Instant p = produced(officer);
        byte[] ocsp = response(officer, p);

        VerificationResult before = judge(officer, ocsp, p.minus(Duration.ofDays(1)), ValidationPolicy.BASIC);
        assertEtsi(before, EtsiIndication.TOTAL_PASSED, null);
        assertThat(before.evidence().revocationSource()).as("a later answer proves the earlier time")
                .isEqualTo(RevocationSource.OCSP);
        assertEtsi(judge(officer, ocsp, p.plus(Duration.ofMinutes(30)), ValidationPolicy.BASIC),
                EtsiIndication.TOTAL_PASSED, null);

        VerificationResult later = judge(officer, ocsp, p.plus(Duration.ofHours(3)), ValidationPolicy.BASIC);
        assertEtsi(later, EtsiIndication.INDETERMINATE, SubIndication.TRY_LATER);
        assertThat(later.reason()).contains("states the status at " + p, "3 h 0 min before the validation time",
                "says nothing about the status then", "the response's own validity");
    }

    @Test
    void theAllowedAgeOfThePolicyDecidesWhenItIsGiven() throws Exception {
        SigningKey officer = DevIdentities.signingKey("officer-astana");
        Instant p = produced(officer);
        byte[] ocsp = response(officer, p);
        ValidationPolicy week = new ValidationPolicy(null, false, true, false, false, Duration.ofSeconds(10),
                Duration.ofDays(7));
        assertEtsi(judge(officer, ocsp, p.plus(Duration.ofDays(3)), week), EtsiIndication.TOTAL_PASSED, null);
        VerificationResult stale = judge(officer, ocsp, p.plus(Duration.ofDays(8)), week);
        assertEtsi(stale, EtsiIndication.INDETERMINATE, SubIndication.TRY_LATER);
        assertThat(stale.reason()).contains("the allowed age PT168H");
    }

    /**
     * "Good" stated after the signer's certificate expired proves nothing without an archive cutoff reaching back to
     * that expiry (RFC 6960 4.4.4: a responder may drop expired certificates). The signer: a certificate of the
     * development CA valid 20 days from the officers' start; signed on day 10, the answer from day 25.
     */
    @Test
    void aGoodAnswerFromAfterTheCertificateExpiredCountsOnlyWithAnArchiveCutoffReachingBackToTheExpiry()
            throws Exception {
        SigningKey officer = DevIdentities.signingKey("officer-astana");
        Instant start = officer.certificate().getNotBefore().toInstant();
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        java.security.KeyPair pair = rsa.generateKeyPair();
        X509Certificate shortLived = kz.qujat.testsupport.SoftHsm.issue(pair.getPublic(), false, start,
                start.plus(Duration.ofDays(20)));
        SigningKey expired = new SigningKey(pair.getPrivate(), shortLived, List.of(shortLived, officer.chain().get(1)),
                officer.provider());
        Instant notAfter = shortLived.getNotAfter().toInstant();
        Instant signed = start.plus(Duration.ofDays(10));
        Instant answered = start.plus(Duration.ofDays(25));

        VerificationResult before = judge(expired, response(expired, signed.plus(Duration.ofDays(1)), null), signed,
                ValidationPolicy.BASIC);
        assertEtsi(before, EtsiIndication.TOTAL_PASSED, null);

        VerificationResult without = judge(expired, response(expired, answered, null), signed, ValidationPolicy.BASIC);
        assertEtsi(without, EtsiIndication.INDETERMINATE, SubIndication.TRY_LATER);
        assertThat(without.reason()).contains("after the signer's certificate expired (" + notAfter + ")",
                "has no archive cutoff", "RFC 6960 4.4.4");

        VerificationResult tooLate = judge(expired, response(expired, answered, notAfter.plus(Duration.ofDays(1))),
                signed, ValidationPolicy.BASIC);
        assertEtsi(tooLate, EtsiIndication.INDETERMINATE, SubIndication.TRY_LATER);
        assertThat(tooLate.reason()).contains("is later than that expiry");

        VerificationResult kept = judge(expired, response(expired, answered, start), signed, ValidationPolicy.BASIC);
        assertEtsi(kept, EtsiIndication.TOTAL_PASSED, null);
        assertThat(kept.evidence().revocationSource()).isEqualTo(RevocationSource.OCSP);
    }

    @Test
    void aRevocationBeforeTheJudgedTimeIsFinalHoweverOldTheAnswer() throws Exception {
        SigningKey revoked = DevIdentities.signingKey("officer-revoked");
        Instant p = produced(revoked);
        VerificationResult r = judge(revoked, response(revoked, p), p.plus(Duration.ofDays(90)), ValidationPolicy.BASIC);
        assertEtsi(r, EtsiIndication.TOTAL_FAILED, SubIndication.REVOKED);
    }
}
