package kz.qujat.eds;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A readable validation report of one signature, like EU DSS's simple report, for {@code qujat verify}, the
 * supervisor screen and the production node: who signed (name, IIN, roles, organisation), when and how that
 * time is known, the chain, the revocation status with responder and time, the verdict and reasons.
 * Plain data (serialises to JSON as is); it holds personal data, so it is shown or stored, never logged.
 */
public record ValidationReport(String indication, String failure, String reason, String signerName, String iin,
        List<String> roles, String organisation, String bin, Instant claimedSigningTime, Instant validationTime,
        String timeSource, String tsa, List<String> chain, String revocationSource, String responder,
        Instant revocationCheckedAt, Instant revokedAt, boolean hasTimestampToken, boolean hasOcspResponse,
        String etsiIndication, String subIndication, Boolean signatureIntact, String keyAlgorithm) {
    private static final Map<String, String> ROLE_NAMES = Map.of(
            "1.2.398.3.3.4.1.1", "individual",
            "1.2.398.3.3.4.1.2", "legal entity",
            "1.2.398.3.3.4.1.2.1", "head of organisation",
            "1.2.398.3.3.4.1.2.2", "right to sign",
            "1.2.398.3.3.4.1.2.5", "employee");

    public ValidationReport {
        roles = roles == null ? List.of() : List.copyOf(roles);
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    public static ValidationReport of(VerificationResult r) {
        CertificateProfile p = r.profile();
        VerificationResult.Evidence e = r.evidence();
        List<String> roles = new ArrayList<>();
        if (p != null) {
            p.roleOids().stream().sorted().forEach(oid -> roles.add(ROLE_NAMES.getOrDefault(oid, oid)));
        }
        List<String> chain = new ArrayList<>();
        for (X509Certificate c : e.chain()) {
            chain.add(commonName(c) + " (serial " + c.getSerialNumber().toString(16) + ")");
        }
        if (chain.isEmpty() && r.signer() != null) {
            chain.add(commonName(r.signer()));
        }
        return new ValidationReport(r.indication().name(), r.failure() == null ? null : r.failure().name(), r.reason(),
                p == null ? null : p.displayName(), p == null ? null : p.iin(), roles,
                p == null ? null : p.organisation(), p == null ? null : p.bin(), r.signingTime(), e.validationTime(),
                e.timeSource() == null ? null : e.timeSource().name(), e.tsaName(), chain,
                e.revocationSource().name(), e.responder(), e.revocationCheckedAt(), e.revocationTime(),
                e.timestampToken() != null, e.ocspResponse() != null, r.etsi().indication().standardName(),
                r.etsi().subIndication() == null ? null : r.etsi().subIndication().name(), r.signatureIntact(),
                r.signer() == null ? null : keyAlgorithm(r.signer()));
    }

    /** The report as text for a terminal or a screen (English; the UI translates the labels). */
    public String text() {
        StringBuilder b = new StringBuilder();
        line(b, "Verdict", etsiIndication + (subIndication == null ? "" : " / " + subIndication) + " (" + indication
                + (failure == null ? "" : ", " + failure) + ")");
        line(b, "Reason", reason);
        line(b, "Signature", signatureIntact == null ? "not checked"
                : signatureIntact ? "signature value and message digest verify" : "does not verify");
        line(b, "Key", keyAlgorithm);
        line(b, "Signer", signerName);
        line(b, "IIN", iin);
        line(b, "Role", roles.isEmpty() ? null : String.join(", ", roles));
        line(b, "Organisation", organisation == null ? null : organisation + (bin == null ? "" : " (BIN " + bin + ")"));
        line(b, "Signing time", validationTime == null ? null : validationTime + " (" + describe(timeSource) + ")");
        line(b, "Claimed time", claimedSigningTime == null ? null : claimedSigningTime + " (signingTime attribute, not proof)");
        line(b, "Time-stamp by", tsa);
        for (int i = 0; i < chain.size(); i++) {
            line(b, i == 0 ? "Chain" : "", (i == 0 ? "" : "  issued by ") + chain.get(i));
        }
        String revocation = switch (revocationSource) {
            case "OCSP" -> "checked by OCSP";
            case "CRL" -> "checked against the CRL";
            default -> "not checked";
        };
        line(b, "Revocation", revocation + (responder == null ? "" : ", responder " + responder)
                + (revocationCheckedAt == null ? "" : ", at " + revocationCheckedAt));
        line(b, "Revoked on", revokedAt == null ? null : revokedAt + ("VALID".equals(indication)
                ? " (after the signing time: the signature stays valid)" : ""));
        return b.toString();
    }

    /** The CN as text (X500Principal.getName() would print Cyrillic and SERIALNUMBER as hex). */
    private static String commonName(X509Certificate c) {
        org.bouncycastle.asn1.x500.X500Name name = org.bouncycastle.asn1.x500.X500Name.getInstance(
                c.getSubjectX500Principal().getEncoded());
        org.bouncycastle.asn1.x500.RDN[] cn = name.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        return cn.length > 0 ? cn[0].getFirst().getValue().toString() : name.toString();
    }

    private static String keyAlgorithm(X509Certificate signer) {
        GostAlgorithm gost = GostAlgorithm.byKey(signer.getPublicKey().getAlgorithm());
        return gost != null ? gost.label() : signer.getPublicKey().getAlgorithm();
    }

    private static String describe(String source) {
        return "SIGNATURE_TIMESTAMP".equals(source) ? "proved by the signature time-stamp"
                : "verifier's clock: no time-stamp";
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null) {
            b.append(String.format("%-14s %s%n", label.isEmpty() ? "" : label + ":", value));
        }
    }
}
