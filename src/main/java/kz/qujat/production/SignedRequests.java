package kz.qujat.production;

import java.security.cert.X509Certificate;
import java.util.Optional;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.RequestSignature;
import kz.qujat.eds.SigningKey;

/** The production side of {@link RequestSignature}: a refused request becomes a {@link RejectedException}. */
public final class SignedRequests {
    public static final String HEADER = RequestSignature.HEADER;
    private final RequestSignature scheme;

    public SignedRequests(CmsVerifier verifier, X509Certificate peer, SigningKey ownKey) {
        this.scheme = new RequestSignature(verifier, peer, ownKey);
    }

    /** Throws unless {@code header} is the peer's valid signature over {@code body}. */
    void verify(byte[] body, String header) throws RejectedException {
        Optional<String> refusal = scheme.refusal(header, body);
        if (refusal.isPresent()) {
            throw RejectedException.unauthenticated(refusal.get());
        }
    }

    /** The header value for a request of ours carrying {@code body}. */
    String sign(byte[] body) throws EdsException {
        return scheme.sign(body);
    }
}
