package kz.qujat.eds;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import kz.qujat.eds.VerificationResult.Evidence;
import kz.qujat.eds.VerificationResult.Failure;
import kz.qujat.eds.VerificationResult.RevocationSource;
import kz.qujat.eds.VerificationResult.TimeSource;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.cms.SignerInformation;

/**
 * One verification after the signature itself verified: the time (proved by a signature time-stamp, else the
 * verifier's clock), validity and path at that time, revocation by OCSP (CRL fallback) or CRLs, key usage.
 * A certificate revoked after the proved time does not invalidate the signature.
 */
final class LongTermCheck {
    private final ChainCheck chains;
    private final ValidationPolicy policy;
    private final OcspClient ocsp;
    private final Instant now;
    private final OfflineEvidence offline;

    LongTermCheck(ChainCheck chains, ValidationPolicy policy, OcspClient ocsp, Instant now, OfflineEvidence offline) {
        this.offline = offline;
        this.chains = chains;
        this.policy = policy;
        this.ocsp = ocsp;
        this.now = now;
    }

    VerificationResult judge(SignerInformation signerInfo, X509Certificate signer, List<X509Certificate> carried,
            Instant signingTime, byte[] content, KeyPurpose purpose) {
        Timestamps.Checked ts;
        try {
            ts = Timestamps.check(signerInfo, chains, now);
        } catch (Timestamps.Refused e) {
            return VerificationResult.failed(Failure.BAD_TIMESTAMP, e.getMessage(), signer, signingTime, Evidence.NONE);
        }
        String refusedPolicy = ts == null ? null : refusedTsaPolicy(ts);
        if (refusedPolicy != null) {
            return VerificationResult.failed(Failure.BAD_TIMESTAMP, refusedPolicy, signer, signingTime, Evidence.NONE);
        }
        if (ts == null && policy.requireTimestamp()) {
            return VerificationResult.failed(Failure.NO_TIMESTAMP, "the signature has no signature time-stamp",
                    signer, signingTime, Evidence.NONE);
        }
        Instant at = ts != null ? ts.time() : now;
        Evidence evidence = new Evidence(at, ts != null ? TimeSource.SIGNATURE_TIMESTAMP : TimeSource.VERIFIER_CLOCK,
                ts != null ? ts.token() : null, ts != null ? ts.tsa().getSubjectX500Principal().getName() : null,
                null, RevocationSource.NONE, null, null, null, List.of());
        String when = ts != null ? " at the time-stamped signing time " + at : "";
        if (at.isAfter(signer.getNotAfter().toInstant())) {
            return VerificationResult.failed(Failure.EXPIRED, "the signer certificate expired on "
                    + signer.getNotAfter().toInstant() + when, signer, signingTime, evidence);
        }
        if (at.isBefore(signer.getNotBefore().toInstant())) {
            return VerificationResult.failed(Failure.NOT_YET_VALID, "the signer certificate is valid only from "
                    + signer.getNotBefore().toInstant() + when, signer, signingTime, evidence);
        }
        URI ocspUrl = policy.ocspEnabled() ? (policy.ocsp() != null ? policy.ocsp() : aiaOcsp(signer)) : null;
        List<byte[]> evidenceAbout = offline.ocspResponses().stream().filter(r -> OcspClient.about(r, signer)).toList();
        ChainCheck.Outcome outcome = chains.check(signer, carried, at, now, ocspUrl != null || !evidenceAbout.isEmpty(),
                true);
        evidence = with(evidence, outcome.path());
        if (outcome.problem() != null) {
            return VerificationResult.failed(outcome.problem().failure(), outcome.problem().reason(), signer,
                    signingTime, evidence);
        }
        X509Certificate issuer = outcome.path().get(1);
        Revocation revocation = !evidenceAbout.isEmpty() ? byEvidence(evidenceAbout, signer, issuer, at)
                : ocspUrl != null ? byOcsp(ocspUrl, signer, issuer, at) : byCrlOnly(outcome.signerCrl());
        evidence = revocation.into(evidence);
        if (revocation.failure() != null) {
            return VerificationResult.failed(revocation.failure(), revocation.reason(), signer, signingTime, evidence);
        }
        if (!KeyUsages.allows(signer, purpose)) {
            return VerificationResult.failed(Failure.WRONG_KEY_USAGE, "the signer certificate is not for "
                    + purpose.name().toLowerCase() + ": " + KeyUsages.describe(purpose), signer, signingTime, evidence);
        }
        return VerificationResult.ok(signer, signingTime, content, evidence);
    }

    /**
     * Why the time-stamp's TSA policy is not accepted (by the configured policy, or by the archive's evidence), or
     * null. A TSA that changed its policy OID is seen here instead of being silently accepted.
     */
    private String refusedTsaPolicy(Timestamps.Checked ts) {
        for (java.util.Set<String> accepted : List.of(policy.tsaPolicies(), offline.tsaPolicies())) {
            if (!accepted.isEmpty() && !accepted.contains(ts.policy())) {
                return "the signature time-stamp of " + ts.tsa().getSubjectX500Principal().getName()
                        + " was made under TSA policy " + ts.policy() + ", which is not an accepted one "
                        + new java.util.TreeSet<>(accepted) + " (a TSA that changed its policy must be accepted"
                        + " explicitly: --tsa-policy)";
            }
        }
        return null;
    }

    /** The revocation finding: a failure (null when fine) and what to record. */
    private record Revocation(Failure failure, String reason, RevocationSource source, byte[] response,
            String responder, Instant checkedAt, Instant revokedAt) {
        Evidence into(Evidence e) {
            return new Evidence(e.validationTime(), e.timeSource(), e.timestampToken(), e.tsaName(), response, source,
                    responder, checkedAt, revokedAt, e.chain());
        }
    }

    private Revocation byOcsp(URI url, X509Certificate signer, X509Certificate issuer, Instant at) {
        OcspClient.Answer answer;
        try {
            answer = ocsp.ask(url, signer, issuer, now);
        } catch (EdsException e) {
            if (policy.crlFallback()) {
                // only a CRL fresh by policy may answer instead: a stale one, however far from its
                // next-update, would let a revoked officer through while the responder is down
                ChainCheck.CrlFinding crl = chains.signerStatus(signer, issuer, at, now, true);
                if (crl.problem() == null) {
                    return new Revocation(null, null, RevocationSource.CRL, null, describe(crl.crl()),
                            crl.crl().getThisUpdate().toInstant(), null);
                }
                if (crl.problem().failure() == Failure.REVOKED) {
                    return new Revocation(Failure.REVOKED, crl.problem().reason(), RevocationSource.CRL, null,
                            describe(crl.crl()), crl.crl().getThisUpdate().toInstant(), null);
                }
                return new Revocation(Failure.REVOCATION_UNAVAILABLE, "OCSP did not answer (" + e.getMessage()
                        + ") and " + crl.problem().reason(), RevocationSource.NONE, null, null, null, null);
            }
            return new Revocation(Failure.REVOCATION_UNAVAILABLE, "revocation status not confirmed, retry: "
                    + e.getMessage(), RevocationSource.NONE, null, null, null, null);
        }
        return judged(answer, signer, at);
    }

    /**
     * A revocation at or before the judged time refuses; one after it does not. The responder's "revoked on
     * 1 January 1970, certificateHold" is RFC 6960's way of saying it never issued the certificate.
     */
    private static Revocation judged(OcspClient.Answer answer, X509Certificate signer, Instant at) {
        return switch (answer.status()) {
            case GOOD -> new Revocation(null, null, RevocationSource.OCSP, answer.response(), answer.responder(),
                    answer.producedAt(), null);
            case UNKNOWN -> new Revocation(Failure.REVOCATION_UNAVAILABLE, "the OCSP responder does not know the "
                    + "signer certificate", RevocationSource.OCSP, answer.response(), answer.responder(),
                    answer.producedAt(), null);
            case REVOKED -> answer.revocationTime().isAfter(at)
                    ? new Revocation(null, null, RevocationSource.OCSP, answer.response(), answer.responder(),
                            answer.producedAt(), answer.revocationTime())
                    : new Revocation(Failure.REVOKED, answer.revocationTime().equals(Instant.EPOCH)
                            ? "the OCSP responder says it never issued certificate serial "
                                    + signer.getSerialNumber().toString(16) + " (RFC 6960 extended revoked)"
                            : "certificate serial " + signer.getSerialNumber().toString(16)
                            + " was revoked on " + answer.revocationTime() + ", before " + at, RevocationSource.OCSP,
                            answer.response(), answer.responder(), answer.producedAt(), answer.revocationTime());
        };
    }

    /**
     * An OCSP response the archive kept; one that cannot be trusted, is about another issuer's certificate or is not
     * fresh for the judged time: TRY_LATER. A revocation at or before that time is final, however old the response.
     */
    private Revocation byEvidence(List<byte[]> responses, X509Certificate signer, X509Certificate issuer, Instant at) {
        String problem = "the OCSP response given is about another issuer's certificate";
        for (byte[] response : responses) {
            try {
                OcspClient.Answer answer = OcspClient.evidence(response, signer, issuer);
                if (answer != null) {
                    Revocation found = judged(answer, signer, at);
                    String stale = found.failure() == Failure.REVOKED ? null : stale(answer, at);
                    if (stale == null && answer.status() == OcspClient.Status.GOOD) {
                        stale = afterExpiry(answer, signer);
                    }
                    if (stale == null) {
                        return found;
                    }
                    problem = stale;
                }
            } catch (EdsException e) {
                problem = e.getMessage();
            }
        }
        return new Revocation(Failure.REVOCATION_UNAVAILABLE, "revocation status not established: " + problem,
                RevocationSource.NONE, null, null, null, null);
    }

    /**
     * Why an archived OCSP answer says nothing about the judged time {@code at}, or null when it does (ETSI EN 319
     * 102-1's revocation freshness): its thisUpdate must not be older than {@code at} minus the allowed age, which is
     * the policy's ({@code --crl-max-age}), else the response's own next-update − this-update, else none — a
     * response without next-update proves a status only from the moment it states, so it must be from the judged
     * time or later (a response produced after a time-stamped signing time is the classic long-term evidence).
     */
    private String stale(OcspClient.Answer answer, Instant at) {
        java.time.Duration window = policy.crlMaxAge() != null ? policy.crlMaxAge()
                : answer.nextUpdate() != null ? java.time.Duration.between(answer.thisUpdate(), answer.nextUpdate())
                : java.time.Duration.ZERO;
        Instant oldest = at.minus(window);
        if (!answer.thisUpdate().isBefore(oldest.minus(OcspClient.CLOCK_SKEW))) {
            return null;
        }
        return "the OCSP response given states the status at " + answer.thisUpdate() + ", "
                + ChainCheck.age(java.time.Duration.between(answer.thisUpdate(), at)) + " before the validation time "
                + at + ": it says nothing about the status then (it must be from " + oldest + " or later"
                + (policy.crlMaxAge() != null ? ", the allowed age " + policy.crlMaxAge()
                : answer.nextUpdate() != null ? ", the response's own validity" : ", it has no next-update") + ")";
    }

    /**
     * Why a "good" answer stated after the signer's certificate expired proves nothing, or null when it does: a
     * responder need not keep the status of expired certificates (RFC 6960 4.4.4), so after expiry "good" may only
     * mean "no longer known" — unless the response's archive cutoff reaches back to the certificate's expiry.
     */
    private static String afterExpiry(OcspClient.Answer answer, X509Certificate signer) {
        Instant expired = signer.getNotAfter().toInstant();
        if (!answer.thisUpdate().isAfter(expired.plus(OcspClient.CLOCK_SKEW))) {
            return null;
        }
        if (answer.archiveCutoff() != null && !answer.archiveCutoff().isAfter(expired)) {
            return null;
        }
        return "the OCSP response given states \"good\" at " + answer.thisUpdate() + ", after the signer's certificate"
                + " expired (" + expired + "), and " + (answer.archiveCutoff() == null ? "has no archive cutoff"
                : "its archive cutoff " + answer.archiveCutoff() + " is later than that expiry")
                + ": a responder need not keep the status of expired certificates (RFC 6960 4.4.4), so it says nothing"
                + " about a revocation before the expiry; give a response from before " + expired;
    }

    /** The path check already applied the CRLs; only record the one that cleared the signer, or refuse. */
    private Revocation byCrlOnly(java.security.cert.X509CRL crl) {
        if (crl != null) {
            return new Revocation(null, null, RevocationSource.CRL, null, describe(crl),
                    crl.getThisUpdate().toInstant(), null);
        }
        if (policy.requireOcsp()) {
            return new Revocation(Failure.REVOCATION_UNAVAILABLE, "no OCSP responder and no CRL for the signer's CA",
                    RevocationSource.NONE, null, null, null, null);
        }
        return new Revocation(null, null, RevocationSource.NONE, null, null, null, null);
    }

    /** Who vouches, for the report: the CRL's issuer, when it was issued and how old it is now. */
    private String describe(java.security.cert.X509CRL crl) {
        Instant issued = crl.getThisUpdate().toInstant();
        return crl.getIssuerX500Principal().getName() + ", CRL issued " + issued + " ("
                + ChainCheck.age(java.time.Duration.between(issued, now)) + " old)";
    }

    private static Evidence with(Evidence e, List<X509Certificate> chain) {
        return new Evidence(e.validationTime(), e.timeSource(), e.timestampToken(), e.tsaName(), e.ocspResponse(),
                e.revocationSource(), e.responder(), e.revocationCheckedAt(), e.revocationTime(), chain);
    }

    /** The OCSP URL of the certificate's authority information access, or null. */
    static URI aiaOcsp(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (ext == null) {
            return null;
        }
        try {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(ext).getOctets());
            for (AccessDescription d : aia.getAccessDescriptions()) {
                if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                    return URI.create(DERIA5String.getInstance(d.getAccessLocation().getName()).getString());
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
