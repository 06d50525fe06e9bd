package kz.qujat.eds;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes a certificate's chain from the trust configuration: a token holds only its own certificates, so
 * the issuers are looked up among the configured intermediates and anchors (signer first, root left out).
 */
final class ChainBuilder {
    private static final int MAX_DEPTH = 8;

    private ChainBuilder() {
    }

    static List<X509Certificate> chain(X509Certificate leaf, TrustConfig trust) {
        List<X509Certificate> pool = new ArrayList<>(trust.intermediates());
        pool.addAll(trust.anchors());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        X509Certificate current = leaf;
        while (chain.size() < MAX_DEPTH && !TrustConfig.isSelfSigned(current)) {
            X509Certificate issuer = issuerOf(current, pool);
            if (issuer == null || TrustConfig.isSelfSigned(issuer)) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }

    private static X509Certificate issuerOf(X509Certificate cert, List<X509Certificate> pool) {
        for (X509Certificate candidate : pool) {
            if (candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                try {
                    Operators.verify(cert, candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // same name, other key (a renewed CA): keep looking
                }
            }
        }
        return null;
    }
}
