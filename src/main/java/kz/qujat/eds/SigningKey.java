package kz.qujat.eds;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key ready to sign, with its certificate and chain.
 *
 * @param chain signer certificate first, then its issuers, without the self-signed root
 * @param provider the provider that holds the key (a PKCS#11 token), or null for the default JCA providers
 */
public record SigningKey(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain,
        Provider provider) {
    public SigningKey {
        chain = List.copyOf(chain);
    }

    /** Deliberately omits the key so that it never reaches a log. */
    @Override
    public String toString() {
        return "SigningKey[serial=" + certificate.getSerialNumber().toString(16) + "]";
    }
}
