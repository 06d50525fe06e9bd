package kz.qujat.eds;

import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

/**
 * The signed-request scheme between the central service and the production node: the header
 * {@value #HEADER} holds a base64 DER detached CMS over the exact body bytes, made with the sender's
 * service key; a request is accepted only when the signature verifies against our trust anchors and its
 * signer is the pinned peer certificate.
 */
public final class RequestSignature {
    public static final String HEADER = "Qujat-Signature";

    private final CmsVerifier verifier;
    private final X509Certificate peer;
    private final SigningKey ownKey;

    /** {@code peer} or {@code ownKey} may be null for a side that only sends or only receives. */
    public RequestSignature(CmsVerifier verifier, X509Certificate peer, SigningKey ownKey) {
        this.verifier = verifier;
        this.peer = peer;
        this.ownKey = ownKey;
    }

    public boolean receives() {
        return peer != null;
    }

    /** Empty when {@code header} is the pinned peer's valid signature over {@code body}; else why not. */
    public Optional<String> refusal(String header, byte[] body) {
        if (peer == null) {
            return Optional.of("no peer certificate is configured");
        }
        if (header == null || header.isBlank()) {
            return Optional.of("the " + HEADER + " header is missing");
        }
        byte[] cms;
        try {
            cms = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("the " + HEADER + " header is not base64");
        }
        VerificationResult r = verifier.verifyDetached(cms, body, KeyPurpose.SIGNING);
        if (!r.valid()) {
            return Optional.of("request signature refused (" + r.failure() + "): " + r.reason());
        }
        if (!peer.equals(r.signer())) {
            return Optional.of("the request is signed by a certificate other than the configured peer");
        }
        return Optional.empty();
    }

    /** The header value for a body this side sends. */
    public String sign(byte[] body) throws EdsException {
        if (ownKey == null) {
            throw new IllegalStateException("no service key configured (--key)");
        }
        return Base64.getEncoder().encodeToString(CmsSigner.signDetached(ownKey, body));
    }
}
