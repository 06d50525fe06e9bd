package kz.qujat.central;

import java.security.cert.X509Certificate;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.VerificationResult;

/**
 * The {@code Qujat-Signature} header between the central service and the production node: a detached CMS
 * over the exact body bytes, made with the sender's service key and accepted only from the pinned peer.
 */
public final class SignedRequests {
    public static final String HEADER = "Qujat-Signature";
    private final CmsVerifier verifier;
    private final X509Certificate peer;
    private final SigningKey ownKey;

    /** {@code peer} or {@code ownKey} may be null when this server neither receives nor sends signed requests. */
    public SignedRequests(CmsVerifier verifier, X509Certificate peer, SigningKey ownKey) {
        this.verifier = verifier;
        this.peer = peer;
        this.ownKey = ownKey;
    }

    /** Accepts the body only if the header is a valid signature over it by the pinned peer. */
    public void verify(String header, byte[] body) {
        if (peer == null) {
            throw ApiException.notFound("this server accepts no signed requests (no --peer-cert)");
        }
        if (header == null || header.isBlank()) {
            throw ApiException.unauthenticated("the " + HEADER + " header is missing");
        }
        byte[] cms;
        try {
            cms = java.util.Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthenticated("the " + HEADER + " header is not base64");
        }
        VerificationResult r = verifier.verifyDetached(cms, body, KeyPurpose.SIGNING);
        if (!r.valid()) {
            throw ApiException.unauthenticated("request signature refused (" + r.failure() + "): " + r.reason());
        }
        if (!r.signer().equals(peer)) {
            throw ApiException.unauthenticated("the request is signed by a certificate other than the configured peer");
        }
    }

    /** The header value for a body this server sends. */
    public String sign(byte[] body) throws EdsException {
        if (ownKey == null) {
            throw new IllegalStateException("no service key configured (--key)");
        }
        return java.util.Base64.getEncoder().encodeToString(CmsSigner.signDetached(ownKey, body));
    }
}
