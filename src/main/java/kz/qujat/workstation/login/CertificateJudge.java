package kz.qujat.workstation.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.VerificationResult;

/**
 * Judges a key before it is used, as the server will: with the trusted CAs at hand, a signature made on the
 * spot is verified (chain, revocation, validity, key purpose); without them only the validity dates are
 * checked and the server has the last word.
 */
public final class CertificateJudge {
    /** Why a certificate cannot be used, or OK. */
    public enum Verdict { OK, EXPIRED, NOT_YET_VALID, REVOKED, UNTRUSTED, WRONG_PURPOSE }

    private final Optional<TrustConfig> trust;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CertificateJudge(Optional<TrustConfig> trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    public Verdict judge(SigningKey key, KeyPurpose purpose) throws EdsException {
        Instant now = clock.instant();
        if (now.isAfter(key.certificate().getNotAfter().toInstant())) {
            return Verdict.EXPIRED;
        }
        if (now.isBefore(key.certificate().getNotBefore().toInstant())) {
            return Verdict.NOT_YET_VALID;
        }
        if (trust.isEmpty()) {
            return Verdict.OK;
        }
        byte[] probe = new byte[32];
        random.nextBytes(probe);
        VerificationResult r = new CmsVerifier(trust.get(), clock)
                .verifyDetached(CmsSigner.signDetached(key, probe), probe, purpose);
        return r.valid() ? Verdict.OK : of(r.failure());
    }

    /** The verdict for a failure named by the verifier (also as the server reports it), UNTRUSTED by default. */
    public static Verdict of(VerificationResult.Failure failure) {
        return switch (failure) {
            case EXPIRED -> Verdict.EXPIRED;
            case NOT_YET_VALID -> Verdict.NOT_YET_VALID;
            case REVOKED -> Verdict.REVOKED;
            case WRONG_KEY_USAGE -> Verdict.WRONG_PURPOSE;
            default -> Verdict.UNTRUSTED;
        };
    }
}
