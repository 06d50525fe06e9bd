package kz.qujat.eds;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of checking a CMS signature, three-way like EU DSS: VALID, INVALID (with failure and reason) or
 * INDETERMINATE (revocation could not be established now: retry, never call it invalid). {@link #valid()} is
 * true exactly for VALID.
 *
 * @param failure null when valid
 * @param reason English, for logs and problem details; never personal data
 * @param signer the signer certificate when it was found, else null
 * @param profile the signer's profile when the signer was found, else null
 * @param signingTime the signingTime attribute (as the signer claims it), or null
 * @param content the signed bytes (for an attached signature), or the given content when valid
 * @param evidence how time and revocation were established (time-stamp token, OCSP response, chain)
 */
public record VerificationResult(boolean valid, Failure failure, String reason, X509Certificate signer,
        CertificateProfile profile, Instant signingTime, byte[] content, Indication indication, Evidence evidence) {
    /** Why a signature is not accepted. */
    public enum Failure {
        MALFORMED, NO_SIGNER_CERTIFICATE, BAD_SIGNATURE, CONTENT_MISMATCH, CERTIFICATE_BINDING,
        UNTRUSTED, EXPIRED, NOT_YET_VALID, REVOKED, WRONG_KEY_USAGE,
        /** The signature time-stamp does not verify or its TSA is not trusted. */
        BAD_TIMESTAMP,
        /** The policy requires a signature time-stamp and there is none. */
        NO_TIMESTAMP,
        /** INDETERMINATE: OCSP unreachable (and no CRL fallback) or the responder does not know the certificate. */
        REVOCATION_UNAVAILABLE,
        /** INDETERMINATE: a signature or hash algorithm this verifier does not implement (never "invalid"). */
        UNSUPPORTED_ALGORITHM
    }

    /** The EU DSS style verdict. */
    public enum Indication { VALID, INVALID, INDETERMINATE }

    /** Where the time at which the signature was judged came from. */
    public enum TimeSource { SIGNATURE_TIMESTAMP, VERIFIER_CLOCK }

    /** Where the revocation status came from. */
    public enum RevocationSource { OCSP, CRL, NONE }

    /**
     * The proof behind the verdict, kept with a decision.
     *
     * @param validationTime the time at which the certificate was judged
     * @param timestampToken the RFC 3161 token (DER) or null
     * @param ocspResponse the OCSP response (DER) or null
     * @param revocationTime when the signer certificate was revoked (even if after the validation time), or null
     * @param chain signer first, trust anchor last; empty when no path was built
     */
    public record Evidence(Instant validationTime, TimeSource timeSource, byte[] timestampToken, String tsaName,
            byte[] ocspResponse, RevocationSource revocationSource, String responder, Instant revocationCheckedAt,
            Instant revocationTime, List<X509Certificate> chain) {
        public Evidence {
            chain = chain == null ? List.of() : List.copyOf(chain);
        }

        static final Evidence NONE = new Evidence(null, null, null, null, null, RevocationSource.NONE, null, null,
                null, List.of());
    }

    /** The original seven-part result; the indication follows {@code valid}, no evidence. */
    public VerificationResult(boolean valid, Failure failure, String reason, X509Certificate signer,
            CertificateProfile profile, Instant signingTime, byte[] content) {
        this(valid, failure, reason, signer, profile, signingTime, content,
                valid ? Indication.VALID : Indication.INVALID, Evidence.NONE);
    }

    static VerificationResult ok(X509Certificate signer, Instant signingTime, byte[] content, Evidence evidence) {
        return new VerificationResult(true, null, "valid", signer, CertificateProfile.of(signer), signingTime, content,
                Indication.VALID, evidence);
    }

    static VerificationResult failed(Failure failure, String reason) {
        return new VerificationResult(false, failure, reason, null, null, null, null);
    }

    static VerificationResult failed(Failure failure, String reason, X509Certificate signer, Instant signingTime,
            Evidence evidence) {
        Indication indication = failure == Failure.REVOCATION_UNAVAILABLE ? Indication.INDETERMINATE : Indication.INVALID;
        return new VerificationResult(false, failure, reason, signer, CertificateProfile.of(signer), signingTime, null,
                indication, evidence);
    }

    /** True when the verdict may change on retry (OCSP unreachable): the caller keeps the item and retries. */
    public boolean indeterminate() {
        return indication == Indication.INDETERMINATE;
    }
}
