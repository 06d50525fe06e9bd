package kz.qujat.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;

/** The committed development PKI ({@code certs-dev/}, found through the system property qujat.certsDev). */
public final class DevIdentities {
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

    public static SigningKey signingKey(String identity) {
        try (Pkcs12KeySource source = Pkcs12KeySource.open(file(identity + ".p12"), PASSWORD.toCharArray())) {
            return source.signingKey();
        } catch (EdsException e) {
            throw new IllegalStateException("cannot open " + identity, e);
        }
    }

    public static SigningKey authenticationKey(String identity) {
        try (Pkcs12KeySource source = Pkcs12KeySource.open(file(identity + ".p12"), PASSWORD.toCharArray())) {
            return source.authenticationKey();
        } catch (EdsException e) {
            throw new IllegalStateException("cannot open " + identity, e);
        }
    }

    public static TrustConfig trust() {
        try {
            return TrustConfig.load(file("trust"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
