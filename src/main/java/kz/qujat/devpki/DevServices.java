package kz.qujat.devpki;

import java.io.IOException;
import java.math.BigInteger;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.qujat.eds.TrustConfig;

/**
 * Builds the development TSA and OCSP responder from a certs-dev folder: {@code tsa.p12}, {@code ocsp.p12} and
 * the intermediate CA's revocation data from {@code trust/*.crl} (so the revoked officer is revoked).
 */
public final class DevServices {
    private DevServices() {
    }

    public static DevTsa tsa(Path certs, Clock clock) throws IOException, GeneralSecurityException {
        return tsa(certs, clock, DevTsa.POLICY.getId());
    }

    /** The TSA issuing under another policy OID (a TSA that changed its policy, in a test). */
    public static DevTsa tsa(Path certs, Clock clock, String policy) throws IOException, GeneralSecurityException {
        KeyStore store = p12(certs.resolve("tsa.p12"));
        return new DevTsa(key(store, "tsa"), leaf(store, "tsa"), chain(store, "tsa"), clock, policy);
    }

    public static DevOcsp ocsp(Path certs, Clock clock) throws IOException, GeneralSecurityException {
        return ocsp(certs, clock, Map.of());
    }

    /** With more revocations than the CRL lists (serial → revocation time), e.g. a revocation "later" in a test. */
    public static DevOcsp ocsp(Path certs, Clock clock, Map<BigInteger, Instant> moreRevoked)
            throws IOException, GeneralSecurityException {
        KeyStore store = p12(certs.resolve("ocsp.p12"));
        X509Certificate responder = leaf(store, "ocsp");
        TrustConfig trust = TrustConfig.load(certs.resolve("trust"));
        X509Certificate ca = trust.intermediates().stream()
                .filter(c -> c.getSubjectX500Principal().equals(responder.getIssuerX500Principal()))
                .findFirst().orElseThrow(() -> new IOException("the OCSP responder's CA is not in trust/"));
        Map<BigInteger, Instant> revoked = new HashMap<>(DevOcsp.revokedFrom(trust.crls(), ca));
        revoked.putAll(moreRevoked);
        return new DevOcsp(key(store, "ocsp"), responder, ca, revoked, clock);
    }

    /** Both services on one HTTP port (0: any free port). */
    public static DevPkiServer serve(Path certs, int port, Clock clock) throws IOException, GeneralSecurityException {
        return DevPkiServer.start(port, tsa(certs, clock), ocsp(certs, clock));
    }

    private static KeyStore p12(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        char[] password = DevPki.PASSWORD.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static PrivateKey key(KeyStore store, String alias) throws GeneralSecurityException {
        return (PrivateKey) store.getKey(alias, DevPki.PASSWORD.toCharArray());
    }

    private static X509Certificate leaf(KeyStore store, String alias) throws GeneralSecurityException {
        return (X509Certificate) store.getCertificate(alias);
    }

    private static List<X509Certificate> chain(KeyStore store, String alias) throws GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
        }
        return chain;
    }
}
