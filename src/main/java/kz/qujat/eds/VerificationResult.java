package kz.qujat.eds;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * The outcome of checking a CMS signature.
 *
 * @param failure null when valid
 * @param reason English, for logs and problem details; never personal data
 * @param signer the signer certificate when it was found, else null
 * @param profile the signer's profile when the signer was found, else null
 * @param signingTime the signingTime attribute (as the signer claims it), or null
 * @param content the signed bytes (for an attached signature), or the given content when valid
 */
public record VerificationResult(boolean valid, Failure failure, String reason, X509Certificate signer,
        CertificateProfile profile, Instant signingTime, byte[] content) {
    /** Why a signature is not accepted. */
    public enum Failure {
        MALFORMED, NO_SIGNER_CERTIFICATE, BAD_SIGNATURE, CONTENT_MISMATCH, CERTIFICATE_BINDING,
        UNTRUSTED, EXPIRED, NOT_YET_VALID, REVOKED, WRONG_KEY_USAGE
    }

    static VerificationResult ok(X509Certificate signer, Instant signingTime, byte[] content) {
        return new VerificationResult(true, null, "valid", signer, CertificateProfile.of(signer), signingTime, content);
    }

    static VerificationResult failed(Failure failure, String reason) {
        return new VerificationResult(false, failure, reason, null, null, null, null);
    }

    static VerificationResult failed(Failure failure, String reason, X509Certificate signer, Instant signingTime) {
        return new VerificationResult(false, failure, reason, signer, CertificateProfile.of(signer), signingTime, null);
    }
}
