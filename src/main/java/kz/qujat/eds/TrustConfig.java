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
 * missing from a signature, and the CRLs that say which certificates are revoked. One loaded from a folder
 * follows the folder: a CRL or certificate dropped in (or removed) is seen within a second, without a restart;
 * a folder that cannot be read at that moment (a file half written) keeps the last good content.
 */
public final class TrustConfig {
    private static final long RECHECK_NANOS = 1_000_000_000L;

    /** One reading of the trust material. */
    private record Snapshot(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls,
            String fingerprint) {
    }

    private final Path folder;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    private TrustConfig(Path folder, Snapshot snapshot) {
        this.folder = folder;
        this.snapshot = snapshot;
        this.checkedAt = System.nanoTime();
    }

    public static TrustConfig of(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {
        return new TrustConfig(null, new Snapshot(List.copyOf(anchors), List.copyOf(intermediates), List.copyOf(crls), ""));
    }

    /**
     * Reads every {@code *.crt}, {@code *.pem}, {@code *.cer} (PEM or DER; a self-signed certificate is an
     * anchor, any other an intermediate) and every {@code *.crl} of the folder, and follows the folder.
     */
    public static TrustConfig load(Path dir) throws IOException {
        return new TrustConfig(dir, read(dir, fingerprint(dir)));
    }

    private static Snapshot read(Path dir, String fingerprint) throws IOException {
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
        return new Snapshot(List.copyOf(anchors), List.copyOf(intermediates), List.copyOf(crls), fingerprint);
    }

    /** Names, sizes and modification times of the folder's files: changes when anything is dropped in. */
    private static String fingerprint(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(Files::isRegularFile).sorted().toList()) {
                b.append(f.getFileName()).append('|').append(Files.size(f)).append('|')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            }
        }
        return b.toString();
    }

    private Snapshot current() {
        if (folder != null && System.nanoTime() - checkedAt > RECHECK_NANOS) {
            refresh();
        }
        return snapshot;
    }

    private synchronized void refresh() {
        if (System.nanoTime() - checkedAt <= RECHECK_NANOS) {
            return;
        }
        checkedAt = System.nanoTime();
        try {
            String now = fingerprint(folder);
            if (!now.equals(snapshot.fingerprint())) {
                snapshot = read(folder, now);
            }
        } catch (IOException | RuntimeException e) {
            // a file being written or a folder briefly unreadable: keep what was last read whole
        }
    }

    /** The same anchors and intermediates with more CRLs (an archive's evidence). */
    public TrustConfig withCrls(List<X509CRL> more) {
        List<X509CRL> all = new ArrayList<>(crls());
        all.addAll(more);
        return of(anchors(), intermediates(), all);
    }

    /**
     * Folders as {@link #load(Path)}, and certificate files each trusted as an anchor as it is, root or not (an
     * НУЦ РК CA whose root is not at hand: RFC 5280 §6.1.1 lets any trusted CA be the anchor), and CRL files.
     */
    public static TrustConfig load(List<Path> paths) throws IOException {
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509Certificate> intermediates = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    TrustConfig dir = load(path);
                    anchors.addAll(dir.anchors());
                    intermediates.addAll(dir.intermediates());
                    crls.addAll(dir.crls());
                } else if (path.getFileName().toString().toLowerCase().endsWith(".crl")) {
                    for (CRL crl : readCrls(path, factory)) {
                        crls.add((X509CRL) crl);
                    }
                } else {
                    for (Certificate c : read(path, factory)) {
                        anchors.add((X509Certificate) c);
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable certificate or CRL: " + e.getMessage(), e);
        }
        if (anchors.isEmpty()) {
            throw new IOException("no trust anchor given");
        }
        return of(anchors, intermediates, crls);
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
        return current().anchors();
    }

    public List<X509Certificate> intermediates() {
        return current().intermediates();
    }

    public List<X509CRL> crls() {
        return current().crls();
    }
}
