package kz.qujat.production;

import java.security.cert.X509Certificate;
import java.util.Base64;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.VerificationResult;

/**
 * The signed-request scheme between central and production: header {@value #HEADER} holds a base64 DER
 * detached CMS over the exact body bytes, made with the sender's service key. A request is accepted only
 * when the signature verifies against our trust anchors and its signer is the pinned peer certificate.
 */
public final class SignedRequests {
    public static final String HEADER = "Qujat-Signature";

    private final CmsVerifier verifier;
    private final X509Certificate peer;
    private final SigningKey ownKey;

    public SignedRequests(CmsVerifier verifier, X509Certificate peer, SigningKey ownKey) {
        this.verifier = verifier;
        this.peer = peer;
        this.ownKey = ownKey;
    }

    /** Throws unless {@code header} is the peer's valid signature over {@code body}. */
    void verify(byte[] body, String header) throws RejectedException {
        if (header == null || header.isBlank()) {
            throw RejectedException.unauthenticated("missing " + HEADER + " header");
        }
        byte[] cms;
        try {
            cms = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            throw RejectedException.unauthenticated(HEADER + " is not base64");
        }
        VerificationResult result = verifier.verifyDetached(cms, body, KeyPurpose.SIGNING);
        if (!result.valid()) {
            throw RejectedException.unauthenticated("request signature not accepted: " + result.reason());
        }
        if (!peer.equals(result.signer())) {
            throw RejectedException.unauthenticated("request signed by a certificate other than the configured peer");
        }
    }

    /** The header value for a request of ours carrying {@code body}. */
    String sign(byte[] body) throws EdsException {
        return Base64.getEncoder().encodeToString(CmsSigner.signDetached(ownKey, body));
    }
}
