package kz.qujat.server;

import java.security.cert.X509Certificate;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.RequestSignature;
import kz.qujat.eds.SigningKey;

/**
 * {@link RequestSignature} between the central service and the production node, for either side: a request
 * whose signature is refused becomes an {@link ApiException} (401), answered as problem+json.
 */
public final class SignedRequests {
    public static final String HEADER = RequestSignature.HEADER;
    private final RequestSignature scheme;

    /** {@code peer} or {@code ownKey} may be null when this server neither receives nor sends signed requests. */
    public SignedRequests(CmsVerifier verifier, X509Certificate peer, SigningKey ownKey) {
        this.scheme = new RequestSignature(verifier, peer, ownKey);
    }

    /** Accepts the body only if the header is a valid signature over it by the pinned peer. */
    public void verify(String header, byte[] body) {
        if (!scheme.receives()) {
            throw ApiException.notFound("this server accepts no signed requests (no --peer-cert)");
        }
        scheme.refusal(header, body).ifPresent(reason -> {
            throw ApiException.unauthenticated(reason);
        });
    }

    /** The header value for a body this server sends. */
    public String sign(byte[] body) throws EdsException {
        return scheme.sign(body);
    }
}
