package kz.qujat.eds;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Who a Kazakh EDS certificate names: IIN from {@code SERIALNUMBER=IIN…}, names, organisation and its BIN
 * from {@code OU=BIN…}, and the role OIDs (1.2.398.3.3.4…) from the extended key usage.
 *
 * @param iin 12 digits, or null when the certificate carries no IIN
 * @param bin 12 digits, or null
 */
public record CertificateProfile(String iin, String commonName, String surname, String givenName,
        String organisation, String bin, Set<String> roleOids, Set<String> policyOids) {
    /** Role OIDs of the Kazakh PKI (individual, legal entity, employee, ...) live under this arc. */
    public static final String ROLE_ARC = "1.2.398.3.3.4.";

    public CertificateProfile {
        roleOids = Set.copyOf(roleOids);
        policyOids = Set.copyOf(policyOids);
    }

    /** НУЦ РК's key-purpose policy OIDs (certificatePolicies) live under this arc: 1.2.398.3.3.2.x. */
    public static final String POLICY_ARC = "1.2.398.3.3.2";

    /** Reads the profile; fields the certificate does not have are null. Never throws on a parsable certificate. */
    public static CertificateProfile of(X509Certificate c) {
        CertificateProfile p = READ.get(c);
        if (p == null) {
            if (READ.size() >= KEPT_CERTIFICATES) {
                READ.clear();
            }
            p = read(c);
            READ.put(c, p);
        }
        return p;
    }

    /** Certificates whose profile is kept; beyond it the map starts again (officers number thousands). */
    static final int KEPT_CERTIFICATES = 50_000;
    // read once per certificate (a certificate is immutable and equal only to the same encoding): reading it at every
    // signature's verification was ~18 % of that verification in the decisions' profile, most of it the JDK's
    // getExtensionValue looking up the policies extension
    private static final java.util.Map<X509Certificate, CertificateProfile> READ =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static CertificateProfile read(X509Certificate c) {
        X500Name subject = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
        String iin = withPrefix(first(subject, BCStyle.SERIALNUMBER), "IIN");
        String bin = null;
        for (RDN rdn : subject.getRDNs(BCStyle.OU)) {
            bin = bin != null ? bin : withPrefix(text(rdn), "BIN");
        }
        return new CertificateProfile(iin, first(subject, BCStyle.CN), first(subject, BCStyle.SURNAME),
                first(subject, BCStyle.GIVENNAME), first(subject, BCStyle.O), bin, roles(c), policies(c));
    }

    /** "SURNAME GIVENNAME" as the certificate writes it, falling back to the common name. */
    public String displayName() {
        if (surname != null && givenName != null) {
            return surname + " " + givenName;
        }
        return commonName != null ? commonName : "";
    }

    /** Deliberately omits the IIN and names so that a profile never reaches a log by accident. */
    @Override
    public String toString() {
        return "CertificateProfile[roles=" + roleOids + "]";
    }

    private static String withPrefix(String value, String prefix) {
        if (value != null && value.startsWith(prefix) && value.substring(prefix.length()).matches("\\d{12}")) {
            return value.substring(prefix.length());
        }
        return null;
    }

    private static String first(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : text(rdns[0]);
    }

    private static String text(RDN rdn) {
        return rdn.getFirst().getValue() instanceof ASN1String s ? s.getString() : null;
    }

    /** The certificate policy OIDs of НУЦ РК's arc (the key purpose: GOST or RSA, signing or authentication). */
    private static Set<String> policies(X509Certificate c) {
        Set<String> policies = new LinkedHashSet<>();
        String extension = org.bouncycastle.asn1.x509.Extension.certificatePolicies.getId();
        // asked first: for a certificate without the extension the JDK's getExtensionValue throws and catches inside
        Set<String> critical = c.getCriticalExtensionOIDs();
        Set<String> nonCritical = c.getNonCriticalExtensionOIDs();
        boolean present = critical != null && critical.contains(extension)
                || nonCritical != null && nonCritical.contains(extension);
        byte[] ext = present ? c.getExtensionValue(extension) : null;
        if (ext == null) {
            return policies;
        }
        try {
            org.bouncycastle.asn1.x509.CertificatePolicies cp = org.bouncycastle.asn1.x509.CertificatePolicies.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
            for (org.bouncycastle.asn1.x509.PolicyInformation info : cp.getPolicyInformation()) {
                String oid = info.getPolicyIdentifier().getId();
                if (oid.equals(POLICY_ARC) || oid.startsWith(POLICY_ARC + ".")) {
                    policies.add(oid);
                }
            }
        } catch (IllegalArgumentException e) {
            // an unreadable policies extension names no purpose; the key usage still decides what the key may do
        }
        return policies;
    }

    private static Set<String> roles(X509Certificate c) {
        Set<String> roles = new LinkedHashSet<>();
        try {
            List<String> eku = c.getExtendedKeyUsage();
            if (eku != null) {
                eku.stream().filter(oid -> oid.startsWith(ROLE_ARC)).forEach(roles::add);
            }
        } catch (CertificateParsingException e) {
            // an unreadable EKU gives no roles; the key-usage check refuses such a certificate anyway
        }
        return roles;
    }
}
