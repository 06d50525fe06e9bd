package kz.qujat.testsupport;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * CRLs of the certs-dev intermediate CA issued by a test at the time it needs (fresh, or stale but not yet
 * expired), signed with the CA's real key from {@code certs-dev/ca}, and trust folders to drop them into.
 */
public final class DevCrls {
    private DevCrls() {
    }

    /** A correctly signed CRL of the intermediate CA issued at {@code thisUpdate}, valid for a year, listing {@code revoked}. */
    public static X509CRL intermediate(Instant thisUpdate, List<BigInteger> revoked) throws Exception {
        return intermediate(thisUpdate, revoked, thisUpdate.minus(Duration.ofDays(1)), null);
    }

    /**
     * As {@link #intermediate(Instant, List)}, with the ExpiredCertsOnCRL extension (2.5.29.60) saying the CRL keeps
     * the entries of certificates expired on {@code expiredCertsOnCrl} or later (none when null), each listed
     * certificate revoked on {@code revokedOn}.
     */
    public static X509CRL intermediate(Instant thisUpdate, List<BigInteger> revoked, Instant revokedOn,
                                       Instant expiredCertsOnCrl) throws Exception {
        X509Certificate ca = DevIdentities.certificate("trust/intermediate-ca.crt");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DevIdentities.file("ca/intermediate-ca.p12"))) {
            store.load(in, DevIdentities.PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey("intermediate-ca", DevIdentities.PASSWORD.toCharArray());
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(365))));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, Date.from(revokedOn), CRLReason.keyCompromise);
        }
        if (expiredCertsOnCrl != null) {
            builder.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("2.5.29.60"), false,
                    new org.bouncycastle.asn1.ASN1GeneralizedTime(Date.from(expiredCertsOnCrl)));
        }
        return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(
                "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA").build(key)));
    }

    /** A copy of certs-dev/trust (both certificates, the root's CRL) with the given intermediate CRL, or none. */
    public static Path trustFolder(Path dir, X509CRL intermediateCrl) throws Exception {
        Files.createDirectories(dir);
        for (String name : List.of("root-ca.crt", "intermediate-ca.crt", "root-ca.crl")) {
            Files.copy(DevIdentities.file("trust/" + name), dir.resolve(name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (intermediateCrl != null) {
            write(dir.resolve("intermediate-ca.crl"), intermediateCrl);
        }
        return dir;
    }

    /** Writes a CRL as PEM (through a temporary file, as an operator's tool would). */
    public static void write(Path file, X509CRL crl) throws Exception {
        String pem = "-----BEGIN X509 CRL-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(crl.getEncoded()) + "\n-----END X509 CRL-----\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
