package kz.qujat.central;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.ValidationPolicy;
import kz.qujat.server.SignedRequests;

/**
 * What the service trusts and who it is: trust anchors and CRLs, its own signing key, the pinned peer.
 * {@code staffVerifier} checks decisions with the configured validation policy (OCSP, required time-stamp);
 * {@code loginVerifier} the same without the time-stamp (a login challenge is not time-stamped).
 */
record Identity(CmsVerifier verifier, SigningKey ownKey, SignedRequests signedRequests, CmsVerifier staffVerifier,
                CmsVerifier loginVerifier) {

    static Identity load(CentralConfig config) throws IOException {
        if (!Files.isDirectory(config.trustDir())) {
            throw new IOException("trust folder " + config.trustDir() + " does not exist");
        }
        TrustConfig trust = TrustConfig.load(config.trustDir());
        CmsVerifier verifier = new CmsVerifier(trust, config.clock());
        ValidationPolicy p = config.validation();
        CmsVerifier staff = new CmsVerifier(trust, config.clock(), p);
        CmsVerifier login = new CmsVerifier(trust, config.clock(), p.withoutTimestampRequirement())
                .acceptingPlainCms();
        SigningKey key = null;
        if (config.keyFile() != null) {
            char[] password = config.keyPassword() == null ? new char[0] : config.keyPassword();
            try (Pkcs12KeySource source = Pkcs12KeySource.open(config.keyFile(), password)) {
                key = source.signingKey();
            } catch (EdsException e) {
                throw new IOException("cannot use the service key " + config.keyFile() + ": " + e.getMessage(), e);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        X509Certificate peer = config.peerCert() == null ? null : certificate(config.peerCert());
        return new Identity(verifier, key, new SignedRequests(verifier, peer, key), staff, login);
    }

    static X509Certificate certificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IOException("cannot read the certificate " + file, e);
        }
    }
}
