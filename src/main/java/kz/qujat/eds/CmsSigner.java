package kz.qujat.eds;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Hashtable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes CAdES-BES signatures: CMS SignedData (SHA-256 for RSA/ECDSA, the Kazakh GOST hash for GOST keys) with
 * signingTime and the signing-certificate-v2 attribute binding the signer certificate, the signer and
 * intermediate certificates inside, DER encoded.
 */
public final class CmsSigner {
    private CmsSigner() {
    }

    /** A signature that does not contain the content; the verifier is given the content separately. */
    public static byte[] signDetached(SigningKey key, byte[] content) throws EdsException {
        return sign(key, content, false, null);
    }

    /** A signature that carries the content inside. */
    public static byte[] signAttached(SigningKey key, byte[] content) throws EdsException {
        return sign(key, content, true, null);
    }

    /**
     * CAdES-T when {@code tsa} is given: a detached signature with a signature time-stamp (unsigned attribute
     * id_aa_signatureTimeStampToken over the signature value). A TSA that does not answer → UNREACHABLE.
     */
    public static byte[] signDetached(SigningKey key, byte[] content, TsaClient tsa) throws EdsException {
        return sign(key, content, false, tsa);
    }

    /** CAdES-T with the content inside (see {@link #signDetached(SigningKey, byte[], TsaClient)}). */
    public static byte[] signAttached(SigningKey key, byte[] content, TsaClient tsa) throws EdsException {
        return sign(key, content, true, tsa);
    }

    /**
     * The general form: attached or detached, CAdES-T when {@code tsa} is given, and the signingTime attribute
     * ({@code signingTime} null: now). RSA and ECDSA keys sign SHA-256; Kazakh GOST keys sign with their own hash
     * and the НУЦ РК OIDs (GOST 2004: GOST 34.311-95; GOST 2015-512: Streebog-512).
     */
    public static byte[] sign(SigningKey key, byte[] content, boolean attached, TsaClient tsa, Instant signingTime)
            throws EdsException {
        CMSSignedData signed = bes(key, content, attached, signingTime == null ? Instant.now() : signingTime);
        try {
            if (tsa != null) {
                signed = Timestamps.addSignatureTimestamp(signed, tsa);
            }
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new EdsException(EdsException.Kind.PROVIDER, "the signature could not be encoded", e);
        }
    }

    private static byte[] sign(SigningKey key, byte[] content, boolean encapsulate, TsaClient tsa) throws EdsException {
        return sign(key, content, encapsulate, tsa, null);
    }

    private static CMSSignedData bes(SigningKey key, byte[] content, boolean encapsulate, Instant signingTime)
            throws EdsException {
        try {
            GostAlgorithm gost = Gost.algorithmOf(key.privateKey());
            ContentSigner contentSigner;
            SignerInfoGeneratorBuilder builder;
            if (gost != null) {
                contentSigner = Gost.contentSigner(key.privateKey(), key.provider());
                builder = new SignerInfoGeneratorBuilder(Operators.digests())
                        .setContentDigest(new AlgorithmIdentifier(gost.digestOid()));
            } else {
                JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(signatureAlgorithm(key));
                if (key.provider() != null) {
                    signerBuilder.setProvider(key.provider());
                }
                contentSigner = signerBuilder.build(key.privateKey());
                builder = new SignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build());
            }
            Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
            Attribute essAttribute = signingCertificateV2(key.certificate());
            attributes.put(essAttribute.getAttrType(), essAttribute);
            attributes.put(CMSAttributes.signingTime, new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(signingTime)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(builder
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(contentSigner, new JcaX509CertificateHolder(key.certificate())));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content), encapsulate);
        } catch (OperatorCreationException | CMSException | GeneralSecurityException | RuntimeException e) {
            // a token that refuses (removed card, logged out) surfaces as a runtime exception from the provider
            if (key.provider() != null) {
                throw TokenErrors.classify("the signature could not be made on the token", e);
            }
            throw new EdsException(EdsException.Kind.PROVIDER, "the signature could not be made: " + e.getMessage(), e);
        }
    }

    private static String signatureAlgorithm(SigningKey key) throws EdsException {
        String algorithm = key.privateKey().getAlgorithm();
        return switch (algorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new EdsException(EdsException.Kind.PROVIDER, "unsupported key algorithm " + algorithm);
        };
    }

    /** The ESS signing-certificate-v2 attribute (RFC 5035) over the signer certificate, SHA-256. */
    static Attribute signingCertificateV2(X509Certificate certificate) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                certificate.getSerialNumber());
        SigningCertificateV2 value = new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(hash, issuerSerial)});
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(value));
    }
}
