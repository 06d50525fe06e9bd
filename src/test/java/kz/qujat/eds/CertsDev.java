package kz.qujat.eds;

import kz.qujat.testsupport.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;

/** Finds the committed development PKI (system property {@code qujat.certsDev}, set by surefire). */
final class CertsDev {
    static final char[] PASSWORD = "qujat-dev".toCharArray();

    private CertsDev() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("qujat.certsDev", "certs-dev"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("certs-dev not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    static Pkcs12KeySource open(String identity) throws EdsException {
        return Pkcs12KeySource.open(file(identity + ".p12"), PASSWORD.clone());
    }

    /** The private key of a development CA from {@code ca/NAME.p12}, to make CRLs in tests. */
    static PrivateKey caKey(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file("ca/" + name + ".p12"))) {
            store.load(in, PASSWORD);
        }
        return (PrivateKey) store.getKey(name, PASSWORD);
    }

    static TrustConfig trust() {
        try {
            return TrustConfig.load(file("trust"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CmsVerifier verifier() {
        return new CmsVerifier(trust(), TestClock.live());
    }
}
