package kz.qujat.eds;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A TLS client key manager that always offers one key (e.g. the authentication key on a token) with its
 * completed chain: a token's own key store knows no intermediates, so JSSE's default would send the leaf only.
 */
public final class TokenKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "qujat-authentication";
    private final SigningKey key;

    public TokenKeyManager(SigningKey key) {
        this.key = key;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return matches(keyTypes) ? ALIAS : null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return matches(keyTypes) ? ALIAS : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? key.chain().toArray(new X509Certificate[0]) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key.privateKey() : null;
    }

    /** JSSE asks per key type ("RSA", "EC", "RSASSA-PSS"); offer the key only for its own type. */
    private boolean matches(String[] keyTypes) {
        String algorithm = key.certificate().getPublicKey().getAlgorithm();
        for (String type : keyTypes) {
            if (type.equals(algorithm) || ("RSA".equals(algorithm) && type.equals("RSASSA-PSS"))) {
                return true;
            }
        }
        return false;
    }
}
