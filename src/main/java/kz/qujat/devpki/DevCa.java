package kz.qujat.devpki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import kz.qujat.eds.Gost;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A development certification authority (RSA, or GOST 2015 with the НУЦ РК OIDs): its key and certificate, and what it issues. */
final class DevCa {
    /** One extension to put into an issued certificate. */
    record Ext(Extension extension) {
        static Ext of(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
                org.bouncycastle.asn1.ASN1Encodable value) {
            try {
                return new Ext(new Extension(oid, critical, value.toASN1Primitive().getEncoded()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot encode extension " + oid, e);
            }
        }
    }

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final SecureRandom random;

    private DevCa(KeyPair keys, X509Certificate certificate, SecureRandom random) {
        this.keys = keys;
        this.certificate = certificate;
        this.random = random;
    }

    static DevCa root(X500Name subject, KeyPair keys, Instant from, Instant to, SecureRandom random)
            throws GeneralSecurityException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random), Date.from(from),
                Date.from(to), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot build root certificate", e);
        }
        return new DevCa(keys, sign(builder, keys), random);
    }

    /** A subordinate CA that may issue end-entity certificates only (pathLen 0). */
    DevCa subordinate(X500Name subject, KeyPair subKeys, Instant from, Instant to) throws GeneralSecurityException {
        X509Certificate cert = issue(subject, subKeys.getPublic(), from, to, List.of(
                Ext.of(Extension.basicConstraints, true, new BasicConstraints(0)),
                Ext.of(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))));
        return new DevCa(subKeys, cert, random);
    }

    /** Issues a certificate with the given extensions plus subject and authority key identifiers. */
    X509Certificate issue(X500Name subject, PublicKey key, Instant from, Instant to, List<Ext> extensions)
            throws GeneralSecurityException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(random),
                Date.from(from), Date.from(to), subject, key);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            for (Ext ext : extensions) {
                builder.addExtension(ext.extension());
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot build certificate", e);
        }
        return sign(builder, keys);
    }

    /** A CRL listing the given certificates as revoked (key compromise) at {@code thisUpdate}. */
    X509CRL crl(List<X509Certificate> revoked, Instant thisUpdate, Instant nextUpdate) throws GeneralSecurityException {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (X509Certificate cert : revoked) {
            builder.addCRLEntry(cert.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(keys)));
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build CRL", e);
        }
    }

    KeyPair keys() {
        return keys;
    }

    X509Certificate certificate() {
        return certificate;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signerKeys)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signerKeys)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign certificate", e);
        }
    }

    private static ContentSigner signer(KeyPair signerKeys) throws OperatorCreationException {
        if (Gost.algorithmOf(signerKeys.getPrivate()) != null) {
            try {
                return Gost.contentSigner(signerKeys.getPrivate(), null);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new OperatorCreationException(e.getMessage(), e);
            }
        }
        return new JcaContentSignerBuilder("SHA256withRSA").build(signerKeys.getPrivate());
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }
}
