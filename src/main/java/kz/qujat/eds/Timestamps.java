package kz.qujat.eds;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The CAdES-T signature time-stamp: adding it to a signer (unsigned attribute id_aa_signatureTimeStampToken
 * over the signature value, RFC 5126 §6.1.1) and checking it (token signature, TSA certificate, imprint).
 */
final class Timestamps {
    /** A checked time-stamp: the time it proves, the TSA certificate and the token bytes. */
    record Checked(Instant time, X509Certificate tsa, byte[] token, String policy) { }

    /** Why a time-stamp attribute is refused. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private Timestamps() {
    }

    static CMSSignedData addSignatureTimestamp(CMSSignedData signed, TsaClient tsa) throws EdsException {
        List<SignerInformation> stamped = new ArrayList<>();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            byte[] token = tsa.timestamp(signer.getSignature());
            ASN1Primitive tokenInfo;
            try {
                tokenInfo = ASN1Primitive.fromByteArray(token);
            } catch (IOException e) {
                throw new EdsException(EdsException.Kind.UNREACHABLE, "the TSA token cannot be parsed", e);
            }
            AttributeTable unsigned = signer.getUnsignedAttributes() == null
                    ? new AttributeTable(new org.bouncycastle.asn1.ASN1EncodableVector()) : signer.getUnsignedAttributes();
            unsigned = unsigned.add(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, ContentInfo.getInstance(tokenInfo));
            stamped.add(SignerInformation.replaceUnsignedAttributes(signer, unsigned));
        }
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    /** Null when the signer carries no signature time-stamp. */
    static Checked check(SignerInformation signer, ChainCheck chains, Instant now) throws Refused {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        if (unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).size() != 1
                || attribute.getAttrValues().size() != 1) {
            throw new Refused("more than one signature time-stamp");
        }
        try {
            ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
            TimeStampToken token = new TimeStampToken(new CMSSignedData(ContentInfo.getInstance(value)));
            Checked checked = verify(token, chains, now);
            byte[] expected = digest(token.getTimeStampInfo().getMessageImprintAlgOID().getId(), signer.getSignature());
            if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
                throw new Refused("the time-stamp is not over this signature value");
            }
            return checked;
        } catch (CMSException | TSPException | IOException | NoSuchAlgorithmException | RuntimeException e) {
            throw new Refused("the signature time-stamp does not verify: " + e.getMessage());
        }
    }

    /**
     * Checks a time-stamp token by itself: its signature (GOST ones included), the TSA certificate's binding
     * and validity at the time it states, and the TSA's chain to a trust anchor (with revocation) at that time.
     */
    static Checked verify(TimeStampToken token, ChainCheck chains, Instant now) throws Refused {
        try {
            X509Certificate tsa = tsaCertificate(token);
            token.validate(Operators.signerVerifier(tsa));
            Instant time = token.getTimeStampInfo().getGenTime().toInstant();
            ChainCheck.Problem problem = chains.check(tsa, certificates(token), time, now, false).problem();
            if (problem != null) {
                throw new Refused("the TSA certificate is not trusted: " + problem.reason());
            }
            return new Checked(time, tsa, token.getEncoded(), token.getTimeStampInfo().getPolicy().getId());
        } catch (TSPException | IOException | OperatorCreationException | java.security.cert.CertificateException
                 | RuntimeException e) {
            throw new Refused("the time-stamp token does not verify: " + e.getMessage());
        }
    }

    /** The hash of {@code data} under the OID: Kazakh GOST hashes included. */
    static byte[] digest(String oid, byte[] data) throws NoSuchAlgorithmException {
        return GostAlgorithm.kazakh(oid) ? Gost.digest(oid, data) : MessageDigest.getInstance(oid, Bc.PROVIDER).digest(data);
    }

    private static X509Certificate tsaCertificate(TimeStampToken token) throws Refused,
            java.security.cert.CertificateException {
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new Refused("the time-stamp token does not carry the TSA certificate");
        }
        return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
    }

    private static List<X509Certificate> certificates(TimeStampToken token) throws java.security.cert.CertificateException {
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
            certs.add(converter.getCertificate(h));
        }
        return certs;
    }
}
