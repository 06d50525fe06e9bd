package kz.qujat.eds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a verifier trusts: root certificates (trust anchors), intermediate CA certificates that may be
 * missing from a signature, and the CRLs that say which certificates are revoked.
 */
public final class TrustConfig {
    private final List<X509Certificate> anchors;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;

    private TrustConfig(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {
        this.anchors = List.copyOf(anchors);
        this.intermediates = List.copyOf(intermediates);
        this.crls = List.copyOf(crls);
    }

    public static TrustConfig of(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {
        return new TrustConfig(anchors, intermediates, crls);
    }

    /**
     * Reads every {@code *.crt}, {@code *.pem}, {@code *.cer} (PEM or DER; a self-signed certificate is an
     * anchor, any other an intermediate) and every {@code *.crl} of the folder.
     */
    public static TrustConfig load(Path dir) throws IOException {
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509Certificate> intermediates = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path file : files) {
                String name = file.getFileName().toString().toLowerCase();
                if (name.endsWith(".crt") || name.endsWith(".pem") || name.endsWith(".cer")) {
                    for (Certificate c : read(file, factory)) {
                        X509Certificate x = (X509Certificate) c;
                        (isSelfSigned(x) ? anchors : intermediates).add(x);
                    }
                } else if (name.endsWith(".crl")) {
                    for (CRL crl : readCrls(file, factory)) {
                        crls.add((X509CRL) crl);
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable certificate or CRL in " + dir + ": " + e.getMessage(), e);
        }
        if (anchors.isEmpty()) {
            throw new IOException("no self-signed root certificate in " + dir);
        }
        return new TrustConfig(anchors, intermediates, crls);
    }

    private static java.util.Collection<? extends Certificate> read(Path file, CertificateFactory factory)
            throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            return factory.generateCertificates(in);
        }
    }

    private static java.util.Collection<? extends CRL> readCrls(Path file, CertificateFactory factory)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return factory.generateCRLs(in);
        }
    }

    static boolean isSelfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            Operators.verify(c, c.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public List<X509Certificate> anchors() {
        return anchors;
    }

    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    public List<X509CRL> crls() {
        return crls;
    }
}
