package kz.qujat.devpki;

import java.util.ArrayList;
import java.util.List;
import kz.qujat.devpki.DevCa.Ext;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/** Subjects and extensions of the development certificates, following the Kazakh EDS profile for persons. */
final class DevProfiles {
    /** Employee of a legal entity, as in the EKU of НУЦ РК certificates. */
    static final ASN1ObjectIdentifier EMPLOYEE_ROLE = new ASN1ObjectIdentifier("1.2.398.3.3.4.1.2.5");
    static final String DEV_ORGANISATION = "Qujat development";

    private DevProfiles() {
    }

    static X500Name caName(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "KZ")
                .addRDN(BCStyle.O, DEV_ORGANISATION).addRDN(BCStyle.CN, commonName).build();
    }

    static X500Name person(DevPerson p) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "KZ")
                .addRDN(BCStyle.SERIALNUMBER, "IIN" + p.iin().value())
                .addRDN(BCStyle.CN, p.surname() + " " + p.givenName())
                .addRDN(BCStyle.SURNAME, p.surname())
                .addRDN(BCStyle.GIVENNAME, p.givenName())
                .addRDN(BCStyle.O, p.organisation())
                .addRDN(BCStyle.OU, "BIN" + p.bin())
                .build();
    }

    /** Authentication: digitalSignature + keyEncipherment (RSA) or keyAgreement (EC); clientAuth + employee. */
    static List<Ext> personAuthentication(boolean ec) {
        int usage = KeyUsage.digitalSignature | (ec ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment);
        return endEntity(usage, false, KeyPurposeId.id_kp_clientAuth.toOID(), EMPLOYEE_ROLE);
    }

    /** Signing: digitalSignature + nonRepudiation; the employee role only. */
    static List<Ext> personSigning() {
        return endEntity(KeyUsage.digitalSignature | KeyUsage.nonRepudiation, false, EMPLOYEE_ROLE);
    }

    /** НУЦ РК's key-purpose policies as its test certificates carry them: GOST signing, and (by the same numbering) GOST authentication. */
    static final ASN1ObjectIdentifier GOST_SIGNING_POLICY = new ASN1ObjectIdentifier("1.2.398.3.3.2.1");
    static final ASN1ObjectIdentifier GOST_AUTHENTICATION_POLICY = new ASN1ObjectIdentifier("1.2.398.3.3.2.2");

    /** A GOST person's key: the same usages as RSA, plus НУЦ РК's key-purpose policy. */
    static List<Ext> gost(List<Ext> profile, ASN1ObjectIdentifier policy) {
        List<Ext> ext = new ArrayList<>(profile);
        ext.add(Ext.of(Extension.certificatePolicies, false, new org.bouncycastle.asn1.x509.CertificatePolicies(
                new org.bouncycastle.asn1.x509.PolicyInformation(policy))));
        return ext;
    }

    /** A service that signs requests (central, production): digitalSignature + nonRepudiation, no EKU. */
    static List<Ext> serviceSigning() {
        return endEntity(KeyUsage.digitalSignature | KeyUsage.nonRepudiation, false);
    }

    /** RFC 3161 requires the timeStamping EKU to be the only one and critical. */
    static List<Ext> timeStamping() {
        return endEntity(KeyUsage.digitalSignature | KeyUsage.nonRepudiation, true, KeyPurposeId.id_kp_timeStamping.toOID());
    }

    static List<Ext> ocspSigning() {
        List<Ext> ext = endEntity(KeyUsage.digitalSignature, false, KeyPurposeId.id_kp_OCSPSigning.toOID());
        ext.add(Ext.of(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE));
        return ext;
    }

    static List<Ext> tlsServer() {
        List<Ext> ext = endEntity(KeyUsage.digitalSignature | KeyUsage.keyEncipherment, false,
                KeyPurposeId.id_kp_serverAuth.toOID());
        ext.add(Ext.of(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")})));
        return ext;
    }

    private static List<Ext> endEntity(int keyUsage, boolean ekuCritical, ASN1ObjectIdentifier... eku) {
        List<Ext> ext = new ArrayList<>();
        ext.add(Ext.of(Extension.basicConstraints, true, new BasicConstraints(false)));
        ext.add(Ext.of(Extension.keyUsage, true, new KeyUsage(keyUsage)));
        if (eku.length > 0) {
            KeyPurposeId[] ids = new KeyPurposeId[eku.length];
            for (int i = 0; i < eku.length; i++) {
                ids[i] = KeyPurposeId.getInstance(eku[i]);
            }
            ext.add(Ext.of(Extension.extendedKeyUsage, ekuCritical, new ExtendedKeyUsage(ids)));
        }
        return ext;
    }
}
