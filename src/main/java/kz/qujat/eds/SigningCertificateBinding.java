package kz.qujat.eds;

import java.io.OutputStream;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DigestCalculator;

/**
 * Checks the ESS signing-certificate-v2 attribute (RFC 5035): the signed hash of the signer certificate,
 * which stops an attacker from swapping in another certificate with the same key.
 */
final class SigningCertificateBinding {
    private SigningCertificateBinding() {
    }

    /** Whether the signer carries a signing-certificate attribute (v2, or the SHA-1 v1 of older CAdES). */
    static boolean present(SignerInformation signerInfo) {
        return signerInfo.getSignedAttributes() != null
                && (signerInfo.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null
                || signerInfo.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificate) != null);
    }

    /** Null when the attribute binds exactly this certificate, else the English reason. */
    static String check(SignerInformation signerInfo, X509Certificate signer) {
        Attribute attribute = signerInfo.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        Attribute v1 = signerInfo.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificate);
        if (attribute == null && v1 != null && v1.getAttrValues().size() == 1) {
            return checkV1(v1, signer);
        }
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return "the signature has no signing-certificate-v2 attribute";
        }
        try {
            ESSCertIDv2[] ids = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
            if (ids.length == 0) {
                return "the signing-certificate-v2 attribute names no certificate";
            }
            ESSCertIDv2 id = ids[0];
            DigestCalculator digest = Operators.digests().get(id.getHashAlgorithm());
            try (OutputStream out = digest.getOutputStream()) {
                out.write(signer.getEncoded());
            }
            if (!Arrays.equals(digest.getDigest(), id.getCertHash())) {
                return "the signing-certificate-v2 attribute names a different certificate";
            }
            if (id.getIssuerSerial() != null && !matches(id.getIssuerSerial(), signer)) {
                return "the signing-certificate-v2 issuer and serial do not match the signer certificate";
            }
            return null;
        } catch (Exception e) {
            // any parse or digest problem in the attribute means the binding cannot be established
            return "the signing-certificate-v2 attribute cannot be read";
        }
    }

    private static String checkV1(Attribute attribute, X509Certificate signer) {
        try {
            org.bouncycastle.asn1.ess.ESSCertID[] ids = org.bouncycastle.asn1.ess.SigningCertificate
                    .getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
            if (ids.length == 0) {
                return "the signing-certificate attribute names no certificate";
            }
            byte[] hash = java.security.MessageDigest.getInstance("SHA-1").digest(signer.getEncoded());
            if (!Arrays.equals(hash, ids[0].getCertHash())) {
                return "the signing-certificate attribute names a different certificate";
            }
            if (ids[0].getIssuerSerial() != null && !matches(ids[0].getIssuerSerial(), signer)) {
                return "the signing-certificate issuer and serial do not match the signer certificate";
            }
            return null;
        } catch (Exception e) {
            // as for v2: an unreadable attribute establishes no binding
            return "the signing-certificate attribute cannot be read";
        }
    }

    private static boolean matches(IssuerSerial issuerSerial, X509Certificate signer) {
        BigInteger serial = issuerSerial.getSerial().getValue();
        if (!serial.equals(signer.getSerialNumber())) {
            return false;
        }
        X500Name issuer = X500Name.getInstance(signer.getIssuerX500Principal().getEncoded());
        for (GeneralName name : issuerSerial.getIssuer().getNames()) {
            if (name.getTagNo() == GeneralName.directoryName && X500Name.getInstance(name.getName()).equals(issuer)) {
                return true;
            }
        }
        return false;
    }
}
