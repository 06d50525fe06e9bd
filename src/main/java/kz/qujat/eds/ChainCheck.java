package kz.qujat.eds;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.qujat.eds.VerificationResult.Failure;

/**
 * Builds the certification path from a signer certificate to a trust anchor (PKIX) and checks every
 * certificate of it against the CRLs of the trust configuration. Revocation is checked here rather than by
 * the JDK so that an expired or badly signed CRL is refused explicitly instead of being silently skipped.
 */
final class ChainCheck {
    /** A refusal: the failure kind and its English reason. */
    record Problem(Failure failure, String reason) { }

    /** The path found (signer first, trust anchor last) or the problem. */
    record Outcome(Problem problem, List<X509Certificate> path) { }

    private final TrustConfig trust;

    ChainCheck(TrustConfig trust) {
        this.trust = trust;
    }

    /** Null when the signer chains to an anchor and nothing on the path is revoked, all judged at {@code now}. */
    Problem check(X509Certificate signer, Collection<X509Certificate> carried, Instant now) {
        return check(signer, carried, now, now, false).problem();
    }

    /**
     * Builds the path valid at {@code at} and checks the CRLs (which must be current at {@code now}) for
     * revocations on or before {@code at}; the signer itself is skipped when OCSP answers for it.
     */
    Outcome check(X509Certificate signer, Collection<X509Certificate> carried, Instant at, Instant now,
            boolean signerByOcsp) {
        PKIXCertPathBuilderResult path;
        try {
            path = build(signer, carried, at);
        } catch (GeneralSecurityException e) {
            return new Outcome(new Problem(Failure.UNTRUSTED, "the signer certificate does not chain to a trusted root: "
                    + e.getMessage()), List.of());
        }
        List<? extends Certificate> certs = path.getCertPath().getCertificates();
        List<X509Certificate> full = new ArrayList<>();
        for (Certificate c : certs) {
            full.add((X509Certificate) c);
        }
        full.add(path.getTrustAnchor().getTrustedCert());
        for (int i = signerByOcsp ? 1 : 0; i < certs.size(); i++) {
            Problem problem = revocation(full.get(i), full.get(i + 1), at, now);
            if (problem != null) {
                return new Outcome(problem, full);
            }
        }
        return new Outcome(null, full);
    }

    /** Whether the trust configuration has CRLs from this issuer (a fallback when OCSP is unavailable). */
    boolean hasCrlFrom(X509Certificate issuer) {
        return trust.crls().stream().anyMatch(crl -> crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()));
    }

    /** CRL revocation of one certificate, for the OCSP fallback. */
    Problem crlRevocation(X509Certificate cert, X509Certificate issuer, Instant at, Instant now) {
        return revocation(cert, issuer, at, now);
    }

    private PKIXCertPathBuilderResult build(X509Certificate signer, Collection<X509Certificate> carried, Instant now)
            throws GeneralSecurityException {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate anchor : trust.anchors()) {
            anchors.add(new TrustAnchor(anchor, null));
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(signer);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(now));
        List<X509Certificate> pool = new ArrayList<>();
        pool.add(signer);
        pool.addAll(carried);
        pool.addAll(trust.intermediates());
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
        return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
    }

    /**
     * A CA for which the trust configuration has no CRL at all is not checked (no revocation information is
     * configured for it); a CA with CRLs must have one that is current and correctly signed.
     */
    private Problem revocation(X509Certificate cert, X509Certificate issuer, Instant at, Instant now) {
        List<X509CRL> fromIssuer = trust.crls().stream()
                .filter(crl -> crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()))
                .toList();
        if (fromIssuer.isEmpty()) {
            return null;
        }
        List<X509CRL> usable = fromIssuer.stream().filter(crl -> usable(crl, issuer, now)).toList();
        if (usable.isEmpty()) {
            return new Problem(Failure.UNTRUSTED, "revocation status unknown: no current, correctly signed CRL of "
                    + issuer.getSubjectX500Principal().getName());
        }
        for (X509CRL crl : usable) {
            X509CRLEntry entry = crl.getRevokedCertificate(cert);
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                return new Problem(Failure.REVOKED, "certificate serial " + cert.getSerialNumber().toString(16)
                        + " was revoked on " + entry.getRevocationDate().toInstant());
            }
        }
        return null;
    }

    private static boolean usable(X509CRL crl, X509Certificate issuer, Instant now) {
        try {
            Operators.verify(crl, issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            return false;
        }
        boolean started = !crl.getThisUpdate().toInstant().isAfter(now);
        boolean current = crl.getNextUpdate() != null && now.isBefore(crl.getNextUpdate().toInstant());
        return started && current;
    }
}
