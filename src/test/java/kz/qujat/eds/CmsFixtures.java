package kz.qujat.eds;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Builds the wrong signatures and CRLs that a correct signer would never make, to prove each refusal. */
final class CmsFixtures {
    private CmsFixtures() {
    }

    static byte[] withoutCertificates(byte[] cms) throws Exception {
        CMSSignedData data = new CMSSignedData(cms);
        return CMSSignedData.replaceCertificatesAndCRLs(data, new JcaCertStore(List.of()), null, null)
                .getEncoded(ASN1Encoding.DER);
    }

    /** A detached signature whose signing-certificate-v2 names {@code boundCert} (or is absent when null). */
    static byte[] signedWithBinding(SigningKey key, byte[] content, X509Certificate boundCert) throws Exception {
        Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
        if (boundCert != null) {
            Attribute ess = CmsSigner.signingCertificateV2(boundCert);
            attributes.put(ess.getAttrType(), ess);
        }
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), key.certificate()));
        generator.addCertificates(new JcaCertStore(key.chain()));
        return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
    }

    /** Two correct signers on one content. */
    static byte[] twoSigners(SigningKey first, SigningKey second, byte[] content) throws Exception {
        CMSSignedData a = new CMSSignedData(new CMSProcessableByteArray(content), CmsSigner.signDetached(first, content));
        CMSSignedData b = new CMSSignedData(new CMSProcessableByteArray(content), CmsSigner.signDetached(second, content));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSigners(a.getSignerInfos());
        generator.addSigners(b.getSignerInfos());
        generator.addCertificates(a.getCertificates());
        generator.addCertificates(b.getCertificates());
        return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
    }

    static byte[] flipLastByte(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] ^= 0x01;
        return copy;
    }

    /** A CRL in the name of {@code issuerName}, signed by {@code signingKey} (which may be the wrong key). */
    static X509CRL crl(X509Certificate issuerName, PrivateKey signingKey, Instant thisUpdate, Instant nextUpdate,
            List<BigInteger> revoked) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(issuerName.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)));
    }
}
