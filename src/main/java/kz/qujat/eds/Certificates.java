package kz.qujat.eds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Reads a single certificate file (PEM or DER), e.g. the pinned peer certificate given by {@code --peer-cert}. */
public final class Certificates {
    private Certificates() {
    }

    public static X509Certificate read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IOException("not a certificate: " + file.getFileName(), e);
        }
    }
}
