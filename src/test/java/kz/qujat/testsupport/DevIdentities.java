package kz.qujat.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;

/**
 * The committed development PKI ({@code certs-dev/}, found through the system property qujat.certsDev that
 * surefire sets): the one place tests get its identities, keys, certificates, CA keys and trust from.
 */
public final class DevIdentities {
    /** The password of every certs-dev key file. */
    public static final String PASSWORD = "qujat-dev";

    private DevIdentities() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("qujat.certsDev", "certs-dev"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("certs-dev not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    /** A fresh copy of {@link #PASSWORD} for APIs that take (and may clear) a char[]. */
    public static char[] password() {
        return PASSWORD.toCharArray();
    }

    /** The key file of a certs-dev identity, opened (the caller closes it). */
    public static Pkcs12KeySource open(String identity) throws EdsException {
        return Pkcs12KeySource.open(file(identity + ".p12"), password());
    }

    public static SigningKey signingKey(String identity) {
        try (Pkcs12KeySource source = open(identity)) {
            return source.signingKey();
        } catch (EdsException e) {
            throw new IllegalStateException("cannot open " + identity, e);
        }
    }

    public static SigningKey authenticationKey(String identity) {
        try (Pkcs12KeySource source = open(identity)) {
            return source.authenticationKey();
        } catch (EdsException e) {
            throw new IllegalStateException("cannot open " + identity, e);
        }
    }

    /** The private key of a development CA from {@code ca/NAME.p12}, to make CRLs in tests. */
    public static PrivateKey caKey(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file("ca/" + name + ".p12"))) {
            store.load(in, password());
        }
        return (PrivateKey) store.getKey(name, password());
    }

    public static TrustConfig trust() {
        try {
            return TrustConfig.load(file("trust"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A verifier over the certs-dev trust on the live test clock. */
    public static CmsVerifier verifier() {
        return new CmsVerifier(trust(), TestClock.live());
    }

    public static X509Certificate certificate(String name) {
        try (InputStream in = Files.newInputStream(file(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
