package kz.qujat.workstation.login;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qujat.eds.CertificateProfile;
import kz.qujat.eds.GostAlgorithm;

/**
 * What the login screen shows of a certificate before it is used: owner, IIN, organisation and its BIN, the
 * НУЦ РК roles and key purpose, the key algorithm, validity, issuer.
 *
 * @param roles message keys of the roles (or the OID when unknown)
 * @param purposes message keys of the key-purpose policies (or the OID when unknown)
 * @param algorithm the key algorithm as people name it ("RSA", "ECDSA"), or the message key of a GOST one (ГОСТ in
 *                  Russian and Kazakh)
 */
public record CertificateCard(String owner, String iin, String organisation, String bin, List<String> roles,
                              List<String> purposes, String algorithm, Instant validFrom, Instant validTo,
                              String issuer) {
    /** Role OIDs of НУЦ РК certificates' extended key usage. */
    static final Map<String, String> ROLES = Map.of(
            "1.2.398.3.3.4.1.1", "login.card.role.individual",
            "1.2.398.3.3.4.1.2", "login.card.role.legalEntity",
            "1.2.398.3.3.4.1.2.1", "login.card.role.head",
            "1.2.398.3.3.4.1.2.2", "login.card.role.rightToSign",
            "1.2.398.3.3.4.1.2.5", "login.card.role.employee");
    /** Key-purpose policies as НУЦ РК's test certificates carry them (1.2.398.3.3.2.2 by the same numbering). */
    static final Map<String, String> PURPOSES = Map.of(
            "1.2.398.3.3.2", "login.card.purpose.gost2015",
            "1.2.398.3.3.2.1", "login.card.purpose.gostSigning",
            "1.2.398.3.3.2.2", "login.card.purpose.gostAuthentication",
            "1.2.398.3.3.2.3", "login.card.purpose.rsaSigning",
            "1.2.398.3.3.2.4", "login.card.purpose.rsaAuthentication");

    /** GOST algorithms by message key: Russian and Kazakh write ГОСТ, English GOST. */
    static final Map<GostAlgorithm, String> GOST_NAMES = Map.of(
            GostAlgorithm.GOST_2004, "login.card.algorithm.gost2004",
            GostAlgorithm.GOST_2015_512, "login.card.algorithm.gost2015");

    public CertificateCard {
        roles = List.copyOf(roles);
        purposes = List.copyOf(purposes);
    }

    public static CertificateCard of(X509Certificate c) {
        CertificateProfile p = CertificateProfile.of(c);
        List<String> roles = new ArrayList<>();
        p.roleOids().stream().sorted().forEach(oid -> roles.add(ROLES.getOrDefault(oid, oid)));
        List<String> purposes = new ArrayList<>();
        p.policyOids().stream().sorted().forEach(oid -> purposes.add(PURPOSES.getOrDefault(oid, oid)));
        GostAlgorithm gost = GostAlgorithm.byKey(c.getPublicKey().getAlgorithm());
        String algorithm = gost != null ? GOST_NAMES.get(gost) : switch (c.getPublicKey().getAlgorithm()) {
            case "EC" -> "ECDSA";
            default -> c.getPublicKey().getAlgorithm();
        };
        return new CertificateCard(p.displayName(), p.iin(), p.organisation(), p.bin(), roles, purposes, algorithm,
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), issuerName(c));
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
