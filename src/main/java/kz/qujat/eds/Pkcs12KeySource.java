package kz.qujat.eds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The keys of a PKCS#12 file (the form in which НУЦ РК hands out personal keys: RSA, GOST 2004, GOST 2015). All
 * key entries are read once at {@link #open} by the certified GOST provider when one is configured, else the
 * JDK's KeyStore, else Bouncy Castle's PKCS#12 parser (GOST keys); the password is not kept.
 */
public final class Pkcs12KeySource implements KeySource {
    private final List<SigningKey> keys;

    private Pkcs12KeySource(List<SigningKey> keys) {
        this.keys = new ArrayList<>(keys);
    }

    /**
     * Opens the file and reads its key entries. The caller's password array is not changed: the caller
     * clears it after this returns.
     */
    public static Pkcs12KeySource open(Path p12, char[] password) throws EdsException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p12);
        } catch (NoSuchFileException e) {
            throw new EdsException(EdsException.Kind.UNREADABLE, "key file not found: " + p12.getFileName(), e);
        } catch (IOException e) {
            throw new EdsException(EdsException.Kind.UNREADABLE, "the key file cannot be read", e);
        }
        Provider certified = Gost.provider();
        if (certified != null) {
            try {
                return new Pkcs12KeySource(readKeys(load(bytes, password, KeyStore.getInstance("PKCS12", certified)), password));
            } catch (GeneralSecurityException | EdsException e) {
                // the certified provider cannot open it either: fall through to the JDK and Bouncy Castle
            }
        }
        try {
            return new Pkcs12KeySource(readKeys(load(bytes, password, KeyStore.getInstance("PKCS12")), password));
        } catch (EdsException e) {
            if (e.kind() == EdsException.Kind.WRONG_PASSWORD && e.getMessage().equals(WRONG_FILE_PASSWORD)) {
                throw e;
            }
            // a GOST key (no JDK key factory knows its OID) or a structure the JDK refuses: Bouncy Castle reads it
            return new Pkcs12KeySource(Pkcs12Pfx.read(bytes, password));
        } catch (GeneralSecurityException e) {
            return new Pkcs12KeySource(Pkcs12Pfx.read(bytes, password));
        }
    }

    private static final String WRONG_FILE_PASSWORD = "wrong password for the key file";

    private static KeyStore load(byte[] bytes, char[] password, KeyStore store) throws EdsException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            store.load(in, password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new EdsException(EdsException.Kind.WRONG_PASSWORD, WRONG_FILE_PASSWORD, e);
            }
            throw new EdsException(EdsException.Kind.UNREADABLE, "not a readable PKCS#12 file", e);
        } catch (GeneralSecurityException e) {
            throw new EdsException(EdsException.Kind.UNREADABLE, "not a readable PKCS#12 file", e);
        }
    }

    private static List<SigningKey> readKeys(KeyStore store, char[] password) throws EdsException {
        List<SigningKey> keys = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0
                        && chain[0] instanceof X509Certificate signer) {
                    keys.add(new SigningKey(privateKey, signer, withoutRoot(chain), null));
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new EdsException(EdsException.Kind.WRONG_PASSWORD, "wrong password for a key in the file", e);
        } catch (GeneralSecurityException e) {
            throw new EdsException(EdsException.Kind.UNREADABLE, "a key entry of the file cannot be read", e);
        }
        return keys;
    }

    private static List<X509Certificate> withoutRoot(Certificate[] chain) {
        List<X509Certificate> list = new ArrayList<>();
        for (Certificate c : chain) {
            if (c instanceof X509Certificate x && !(list.size() > 0
                    && x.getSubjectX500Principal().equals(x.getIssuerX500Principal()))) {
                list.add(x);
            }
        }
        return list;
    }

    @Override
    public SigningKey signingKey() throws EdsException {
        return pick(KeyPurpose.SIGNING);
    }

    @Override
    public SigningKey authenticationKey() throws EdsException {
        return pick(KeyPurpose.AUTHENTICATION);
    }

    /**
     * The first key whose certificate allows the purpose. A signing certificate also has digitalSignature,
     * so for authentication a certificate without nonRepudiation is preferred by the rule itself.
     */
    private SigningKey pick(KeyPurpose purpose) throws EdsException {
        synchronized (keys) {
            for (SigningKey key : keys) {
                if (KeyUsages.allows(key.certificate(), purpose)) {
                    return key;
                }
            }
        }
        throw new EdsException(EdsException.Kind.NO_SUCH_KEY,
                "the key file holds no key for " + purpose.name().toLowerCase() + " ("
                        + KeyUsages.describe(purpose) + ")");
    }

    /** Drops the references to the keys; PKCS#12 keys are software keys, so there is no session to end. */
    @Override
    public void close() {
        synchronized (keys) {
            keys.clear();
        }
    }
}
