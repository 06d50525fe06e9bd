package kz.qujat.eds;

import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.LoginException;

/**
 * The keys on a PKCS#11 token (ID card, Kaztoken, eToken, JaCarta; SoftHSM in tests) through SunPKCS11 or any
 * configured JCA provider. The private keys never leave the token: {@link SigningKey#provider()} is the token's
 * provider, so {@link CmsSigner} signs on it. The chain is completed from the trust configuration.
 */
public final class Pkcs11KeySource implements KeySource {
    /** A name for each provider instance; SunPKCS11 names its instances "SunPKCS11-&lt;name&gt;". */
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Provider provider;
    private final List<SigningKey> keys;

    private Pkcs11KeySource(Provider provider, List<SigningKey> keys) {
        this.provider = provider;
        this.keys = new ArrayList<>(keys);
    }

    /**
     * Logs in to the token with the PIN and reads its key entries. The caller clears the PIN after this returns.
     * Wrong PIN → WRONG_PASSWORD, locked PIN → PIN_LOCKED, no token → TOKEN_REMOVED.
     */
    public static Pkcs11KeySource open(Pkcs11Config config, char[] pin, TrustConfig chainSource) throws EdsException {
        Provider provider = provider(config);
        KeyStore store = load(config, provider, pin);
        List<SigningKey> keys = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate cert) {
                    Key key = store.getKey(alias, null);
                    if (key instanceof PrivateKey privateKey) {
                        keys.add(new SigningKey(privateKey, cert, ChainBuilder.chain(cert, chainSource), provider));
                    }
                }
            }
        } catch (GeneralSecurityException | ProviderException e) {
            logout(provider);
            throw TokenErrors.classify("the token's keys cannot be read", e);
        }
        return new Pkcs11KeySource(provider, keys);
    }

    /** A configured provider that only loads the module (so that its token information can be read). */
    static Probe probe(Pkcs11Config config) throws EdsException {
        return new Probe(provider(config));
    }

    /** Keeps the probing provider reachable while the module is used; nothing to release. */
    record Probe(Provider provider) implements AutoCloseable {
        @Override
        public void close() {
            // the module stays loaded in the JVM: SunPKCS11 shares it between provider instances
        }
    }

    private static Provider provider(Pkcs11Config config) throws EdsException {
        Provider base = java.security.Security.getProvider(config.providerName());
        if (base == null) {
            throw new EdsException(EdsException.Kind.PROVIDER, "the JCA provider '" + config.providerName()
                    + "' is not installed (see java.security)");
        }
        if (!Pkcs11Config.SUN_PKCS11.equals(config.providerName())) {
            return base;
        }
        try {
            return base.configure(config.sunPkcs11Text("qujat-" + INSTANCES.incrementAndGet()));
        } catch (ProviderException | IllegalArgumentException | UnsupportedOperationException e) {
            throw TokenErrors.classify("the PKCS#11 module cannot be used", e);
        }
    }

    private static KeyStore load(Pkcs11Config config, Provider provider, char[] pin) throws EdsException {
        try {
            KeyStore store = KeyStore.getInstance(config.keyStoreType(), provider);
            store.load(null, pin);
            return store;
        } catch (IOException | GeneralSecurityException | ProviderException e) {
            if (e.getCause() instanceof LoginException || e instanceof IOException) {
                throw TokenErrors.classify("login to the token failed", e);
            }
            throw TokenErrors.classify("the token cannot be opened", e);
        }
    }

    @Override
    public SigningKey signingKey() throws EdsException {
        return pick(KeyPurpose.SIGNING);
    }

    @Override
    public SigningKey authenticationKey() throws EdsException {
        return pick(KeyPurpose.AUTHENTICATION);
    }

    /** All key entries of the token (for a UI that lets the user choose), signer certificate first in each chain. */
    public List<SigningKey> keys() {
        synchronized (keys) {
            return List.copyOf(keys);
        }
    }

    /** A key manager presenting the authentication key for mutual TLS; see {@link TokenKeyManager}. */
    public TokenKeyManager keyManager() throws EdsException {
        return new TokenKeyManager(authenticationKey());
    }

    private SigningKey pick(KeyPurpose purpose) throws EdsException {
        synchronized (keys) {
            for (SigningKey key : keys) {
                if (KeyUsages.allows(key.certificate(), purpose)) {
                    return key;
                }
            }
        }
        throw new EdsException(EdsException.Kind.NO_SUCH_KEY, "the token holds no key for "
                + purpose.name().toLowerCase() + " (" + KeyUsages.describe(purpose) + ")");
    }

    /** Ends the login session on the token; the keys become unusable. */
    @Override
    public void close() {
        synchronized (keys) {
            keys.clear();
        }
        logout(provider);
    }

    private static void logout(Provider provider) {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException | ProviderException e) {
                // the token may already be gone; there is no session left to end
            }
        }
    }
}
