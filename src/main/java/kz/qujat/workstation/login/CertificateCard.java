package kz.qujat.workstation.login;

import java.security.cert.X509Certificate;
import java.time.Instant;
import kz.qujat.eds.CertificateProfile;

/** What the login screen shows of a certificate before it is used: owner, IIN, organisation, validity, issuer. */
public record CertificateCard(String owner, String iin, String organisation, Instant validFrom, Instant validTo,
                              String issuer) {
    public static CertificateCard of(X509Certificate c) {
        CertificateProfile p = CertificateProfile.of(c);
        return new CertificateCard(p.displayName(), p.iin(), p.organisation(), c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(), issuerName(c));
    }

    private static String issuerName(X509Certificate c) {
        String dn = c.getIssuerX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253);
        for (String part : dn.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (part.startsWith("CN=")) {
                return part.substring(3).replace("\\", "");
            }
        }
        return dn;
    }

    @Override
    public String toString() {
        return "CertificateCard[***]";
    }
}
