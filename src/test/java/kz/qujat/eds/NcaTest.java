package kz.qujat.eds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The real НУЦ РК test material of src/test/resources/nca-test (see its PROVENANCE.md): files and fixed times. */
final class NcaTest {
    static final Path DIR = Path.of("src/test/resources/nca-test");
    /** Inside the GOST 2004 company head's certificate and the GOST 2004 / RSA CRLs. */
    static final Instant GOST_2004_TIME = Instant.parse("2022-06-01T09:00:00Z");
    /** Inside the GOST 2015 individual's certificate and the GOST 2015 CRL. */
    static final Instant GOST_2015_TIME = Instant.parse("2022-10-01T09:00:00Z");

    private NcaTest() {
    }

    static Path file(String name) {
        return DIR.resolve(name);
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate cert(String name) {
        try (InputStream in = Files.newInputStream(file(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509CRL crl(String name) {
        try (InputStream in = Files.newInputStream(file(name))) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Pkcs12KeySource open(String p12, String password) throws EdsException {
        return Pkcs12KeySource.open(file("keys/" + p12), password.toCharArray());
    }

    static Pkcs12KeySource gost2015() throws EdsException {
        return open("individual_valid_2015.p12", "Aa123456");
    }

    static X509Certificate gost2004Ca() {
        return cert("ca/nca_gost_test.crt");
    }

    static X509Certificate gost2015Ca() {
        return cert("ca/nca_gost2015_test.cer");
    }

    static X509Certificate rsaCa() {
        return cert("ca/nca_rsa_test.crt");
    }

    /** The three test CAs as anchors (their roots are not published with them) and their CRLs. */
    static TrustConfig trust() {
        return TrustConfig.of(List.of(gost2004Ca(), gost2015Ca(), rsaCa()), List.of(),
                List.of(crl("crl/nca_gost_test.crl"), crl("crl/nca_gost2022_test.crl"), crl("crl/nca_rsa_test.crl")));
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
