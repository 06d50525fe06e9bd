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
        UNSUPPORTED_ALGORITHM,
        /** INDETERMINATE: a plain CMS signature, no signing-certificate(-v2) attribute: not CAdES. */
        NOT_CADES
    }

    /** The EU DSS style verdict: VALID is ETSI TOTAL-PASSED, INVALID is TOTAL-FAILED. */
    public enum Indication { VALID, INVALID, INDETERMINATE }

    /** The main status indication of ETSI EN 319 102-1 (§5.1.3). */
    public enum EtsiIndication {
        TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE;

        /** As the standard writes it: TOTAL-PASSED. */
        public String standardName() {
            return name().replace('_', '-');
        }
    }

    /** The sub-indications of ETSI EN 319 102-1 (§5.1.3, table 5) that this verifier gives. */
    public enum SubIndication {
        FORMAT_FAILURE, HASH_FAILURE, SIG_CRYPTO_FAILURE, REVOKED, EXPIRED, NOT_YET_VALID,
        NO_SIGNING_CERTIFICATE_FOUND, NO_CERTIFICATE_CHAIN_FOUND, OUT_OF_BOUNDS_NO_POE, TRY_LATER,
        CHAIN_CONSTRAINTS_FAILURE, SIG_CONSTRAINTS_FAILURE, CRYPTO_CONSTRAINTS_FAILURE
    }

    /** The ETSI indication and sub-indication (null when TOTAL-PASSED). */
    public record Etsi(EtsiIndication indication, SubIndication subIndication) { }

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
        Indication indication = switch (etsi(failure, evidence).indication()) {
            case TOTAL_PASSED -> Indication.VALID;
            case TOTAL_FAILED -> Indication.INVALID;
            case INDETERMINATE -> Indication.INDETERMINATE;
        };
        return new VerificationResult(false, failure, reason, signer, CertificateProfile.of(signer), signingTime, null,
                indication, evidence);
    }

    /** The ETSI EN 319 102-1 indication and sub-indication of this result. */
    public Etsi etsi() {
        return valid ? new Etsi(EtsiIndication.TOTAL_PASSED, null) : etsi(failure, evidence);
    }

    /**
     * Whether the signature's mathematics (signature value and message digest) verified: true, false, or null when
     * it could not be checked (no structure, no signer certificate, an unknown algorithm).
     */
    public Boolean signatureIntact() {
        if (valid) {
            return true;
        }
        return switch (failure) {
            case MALFORMED, NO_SIGNER_CERTIFICATE, UNSUPPORTED_ALGORITHM -> null;
            case BAD_SIGNATURE, CONTENT_MISMATCH -> false;
            default -> true;
        };
    }

    /**
     * Without a proof of existence (a signature time-stamp) an expired or revoked certificate leaves the signature
     * INDETERMINATE, as the standard's OUT_OF_BOUNDS_NO_POE says; with one, the time-stamped time decides.
     */
    private static Etsi etsi(Failure failure, Evidence evidence) {
        boolean poe = evidence != null && evidence.timeSource() == TimeSource.SIGNATURE_TIMESTAMP;
        return switch (failure) {
            case MALFORMED, BAD_TIMESTAMP -> new Etsi(EtsiIndication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE);
            case CONTENT_MISMATCH -> new Etsi(EtsiIndication.TOTAL_FAILED, SubIndication.HASH_FAILURE);
            case BAD_SIGNATURE -> new Etsi(EtsiIndication.TOTAL_FAILED, SubIndication.SIG_CRYPTO_FAILURE);
            case REVOKED -> new Etsi(EtsiIndication.TOTAL_FAILED, SubIndication.REVOKED);
            case EXPIRED -> poe ? new Etsi(EtsiIndication.TOTAL_FAILED, SubIndication.EXPIRED)
                    : new Etsi(EtsiIndication.INDETERMINATE, SubIndication.OUT_OF_BOUNDS_NO_POE);
            case NOT_YET_VALID -> new Etsi(EtsiIndication.TOTAL_FAILED, SubIndication.NOT_YET_VALID);
            case NOT_CADES -> new Etsi(EtsiIndication.INDETERMINATE, SubIndication.FORMAT_FAILURE);
            case NO_SIGNER_CERTIFICATE, CERTIFICATE_BINDING ->
                    new Etsi(EtsiIndication.INDETERMINATE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND);
            case UNTRUSTED -> new Etsi(EtsiIndication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
            case WRONG_KEY_USAGE -> new Etsi(EtsiIndication.INDETERMINATE, SubIndication.CHAIN_CONSTRAINTS_FAILURE);
            case NO_TIMESTAMP -> new Etsi(EtsiIndication.INDETERMINATE, SubIndication.SIG_CONSTRAINTS_FAILURE);
            case REVOCATION_UNAVAILABLE -> new Etsi(EtsiIndication.INDETERMINATE, SubIndication.TRY_LATER);
            case UNSUPPORTED_ALGORITHM -> new Etsi(EtsiIndication.INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
        };
    }

    /** True when the verdict may change on retry (OCSP unreachable): the caller keeps the item and retries. */
    public boolean indeterminate() {
        return !valid && etsi().subIndication() == SubIndication.TRY_LATER;
    }
}
