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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.qujat.eds.VerificationResult.Failure;

/**
 * Builds the certification path from a signer certificate to a trust anchor (PKIX) and checks every
 * certificate of it against the CRLs of the trust configuration. Revocation is checked here rather than by
 * the JDK so that an expired or badly signed CRL is refused explicitly instead of being silently skipped.
 */
final class ChainCheck {
    /** A refusal: the failure kind and its English reason. */
    record Problem(Failure failure, String reason) { }

    /** The path found (signer first, trust anchor last) or the problem; the CRL that cleared the signer, if one did. */
    record Outcome(Problem problem, List<X509Certificate> path, X509CRL signerCrl) {
        Outcome(Problem problem, List<X509Certificate> path) {
            this(problem, path, null);
        }
    }

    /** The signer's status from CRLs: a problem (null when not revoked) and the CRL that says so. */
    record CrlFinding(Problem problem, X509CRL crl) { }

    private final TrustConfig trust;
    private final CrlDistribution distribution;
    private final Duration signerCrlMaxAge;

    ChainCheck(TrustConfig trust) {
        this(trust, new CrlDistribution(java.time.Duration.ofSeconds(10)), null);
    }

    /**
     * @param signerCrlMaxAge the oldest CRL that may clear a signer certificate (null: until its next-update);
     *                        CA certificates are judged by their CRLs' next-update
     */
    ChainCheck(TrustConfig trust, CrlDistribution distribution, Duration signerCrlMaxAge) {
        this.trust = trust;
        this.distribution = distribution;
        this.signerCrlMaxAge = signerCrlMaxAge;
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
        return check(signer, carried, at, now, signerByOcsp, false);
    }

    /** As above; with {@code signerFreshByPolicy} the signer's CRL must be fresh by the policy's max age. */
    Outcome check(X509Certificate signer, Collection<X509Certificate> carried, Instant at, Instant now,
            boolean signerByOcsp, boolean signerFreshByPolicy) {
        NamePathBuilder.Path path;
        try {
            path = build(signer, carried, at);
        } catch (GeneralSecurityException e) {
            return new Outcome(new Problem(Failure.UNTRUSTED, "the signer certificate does not chain to a trusted root: "
                    + e.getMessage()), List.of());
        }
        List<X509Certificate> certs = path.certificates();
        List<X509Certificate> full = new ArrayList<>(certs);
        full.add(path.anchor());
        X509CRL signerCrl = null;
        for (int i = signerByOcsp ? 1 : 0; i < certs.size(); i++) {
            Problem problem;
            if (i == 0 && signerFreshByPolicy) {
                CrlFinding finding = signerStatus(full.get(0), full.get(1), at, now, signerCrlMaxAge != null);
                problem = finding.problem();
                signerCrl = finding.crl();
            } else {
                problem = revocation(full.get(i), full.get(i + 1), at, now);
            }
            if (problem != null) {
                return new Outcome(problem, full, signerCrl);
            }
        }
        return new Outcome(null, full, signerCrl);
    }

    /**
     * The signer's status from the CRLs of the trust folder and of its distribution points, only from one that
     * is fresh by policy: correctly signed, current, and (with a max age) issued within it. A stale CRL — even
     * far from its next-update — says nothing, and the status is INDETERMINATE; the distribution points are
     * asked for a newer one first. {@code required}: no CRL at all is INDETERMINATE too.
     */
    CrlFinding signerStatus(X509Certificate cert, X509Certificate issuer, Instant at, Instant now, boolean required) {
        List<X509CRL> candidates = new ArrayList<>(fromIssuer(trust.crls(), issuer));
        candidates.addAll(fromIssuer(distribution.known(cert), issuer));
        List<X509CRL> fresh = candidates.stream().filter(crl -> usable(crl, issuer, now) && fresh(crl, now)).toList();
        if (fresh.isEmpty()) {
            List<X509CRL> fetched = fromIssuer(distribution.fetch(cert), issuer);
            candidates.addAll(fetched);
            fresh = fetched.stream().filter(crl -> usable(crl, issuer, now) && fresh(crl, now)).toList();
        }
        if (fresh.isEmpty()) {
            if (candidates.isEmpty() && !required) {
                return new CrlFinding(null, null);
            }
            return new CrlFinding(new Problem(Failure.REVOCATION_UNAVAILABLE, stale(candidates, issuer, now)), null);
        }
        for (X509CRL crl : fresh) {
            X509CRLEntry entry = crl.getRevokedCertificate(cert);
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                return new CrlFinding(new Problem(Failure.REVOKED, "certificate serial "
                        + cert.getSerialNumber().toString(16) + " was revoked on " + entry.getRevocationDate().toInstant()),
                        crl);
            }
        }
        List<X509CRL> covering = fresh.stream().filter(crl -> coversExpired(crl, cert)).toList();
        if (covering.isEmpty()) {
            return new CrlFinding(new Problem(Failure.REVOCATION_UNAVAILABLE, afterExpiry(cert, issuer)), null);
        }
        X509CRL newest = covering.stream().max(java.util.Comparator.comparing(X509CRL::getThisUpdate)).orElseThrow();
        return new CrlFinding(null, newest);
    }

    /** ExpiredCertsOnCRL (X.509 (10/2019) 9.6.2.10; ETSI EN 319 102-1 5.2.5): from when a CRL keeps expired entries. */
    static final String EXPIRED_CERTS_ON_CRL = "2.5.29.60";

    /**
     * Whether a CRL can speak for the certificate: one issued before the certificate expired lists it if it was
     * revoked; one issued after may have dropped it with its expiry (RFC 5280 3.3: entries may be removed once the
     * certificate expires), unless its ExpiredCertsOnCRL extension says it keeps the entries of certificates expired
     * since that date or later, and the date is not after this certificate's expiry.
     */
    static boolean coversExpired(X509CRL crl, X509Certificate cert) {
        Instant expired = cert.getNotAfter().toInstant();
        if (!crl.getThisUpdate().toInstant().isAfter(expired)) {
            return true;
        }
        byte[] ext = crl.getExtensionValue(EXPIRED_CERTS_ON_CRL);
        if (ext == null) {
            return false;
        }
        try {
            org.bouncycastle.asn1.ASN1Primitive value = org.bouncycastle.asn1.ASN1Primitive.fromByteArray(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
            Instant since = org.bouncycastle.asn1.ASN1GeneralizedTime.getInstance(value).getDate().toInstant();
            return !since.isAfter(expired);
        } catch (java.io.IOException | java.text.ParseException | IllegalArgumentException e) {
            return false; // an extension we cannot read promises nothing
        }
    }

    /** Why the CRLs at hand say nothing about a certificate that expired before they were issued. */
    private static String afterExpiry(X509Certificate cert, X509Certificate issuer) {
        Instant expired = cert.getNotAfter().toInstant();
        return "revocation status not established: the CRLs of " + issuer.getSubjectX500Principal().getName()
                + " at hand were issued after the certificate expired (" + expired + ") and do not state"
                + " ExpiredCertsOnCRL reaching back to that expiry: a CA may drop expired certificates from its CRL"
                + " (RFC 5280 3.3), so they say nothing about a revocation before the expiry; give a CRL or OCSP"
                + " response from before " + expired;
    }

    private boolean fresh(X509CRL crl, Instant now) {
        return signerCrlMaxAge == null || !crl.getThisUpdate().toInstant().isBefore(now.minus(signerCrlMaxAge));
    }

    private String stale(List<X509CRL> candidates, X509Certificate issuer, Instant now) {
        String ca = issuer.getSubjectX500Principal().getName();
        X509CRL newest = candidates.stream().max(java.util.Comparator.comparing(X509CRL::getThisUpdate)).orElse(null);
        if (newest == null) {
            return "revocation status not confirmed: no CRL of " + ca + " in the trust folder or at its distribution points";
        }
        Instant issued = newest.getThisUpdate().toInstant();
        return "revocation status not confirmed: the newest CRL of " + ca + " was issued " + issued + " ("
                + age(Duration.between(issued, now)) + " old)" + (signerCrlMaxAge == null ? " and is not current"
                : ", older than the allowed " + age(signerCrlMaxAge)) + "; retry when a fresh CRL or OCSP answers";
    }

    /** A duration as people read it: "3 h 12 min", "9 d 4 h". */
    static String age(Duration d) {
        if (d.isNegative()) {
            return "0 min";
        }
        if (d.toHours() >= 48) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }

    private static List<X509CRL> fromIssuer(List<X509CRL> crls, X509Certificate issuer) {
        return crls.stream().filter(crl -> crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())).toList();
    }

    /** Whether the trust configuration has CRLs from this issuer (a fallback when OCSP is unavailable). */
    boolean hasCrlFrom(X509Certificate issuer) {
        return trust.crls().stream().anyMatch(crl -> crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()));
    }

    /** PKIX; where PKIX cannot check a Kazakh GOST signature, the path by names and signatures. */
    /** What a path is built from: the signer, what the signature carried, and the trust folder as loaded. */
    private record PathKey(X509Certificate signer, List<X509Certificate> carried, List<X509Certificate> anchors,
                           List<X509Certificate> intermediates) { }

    /**
     * Paths built before, by what they were built from. Building one (PKIX: every signature on the path checked,
     * constraints, names) depends on nothing else but the time, through the certificates' validity; so a path is
     * taken from here only when every certificate of it, the anchor included, is valid at the time asked, and is
     * otherwise built again (refusals are never kept). Revocation is checked on every call, after this. An officer
     * signs hundreds of decisions a day with the same certificate: this saves building the same path each time.
     */
    private final Map<PathKey, NamePathBuilder.Path> paths = new ConcurrentHashMap<>();
    private static final int PATHS_MAX = 4096;

    private NamePathBuilder.Path build(X509Certificate signer, Collection<X509Certificate> carried, Instant now)
            throws GeneralSecurityException {
        PathKey key = new PathKey(signer, List.copyOf(carried), trust.anchors(), trust.intermediates());
        NamePathBuilder.Path known = paths.get(key);
        if (known != null && validAt(known, now)) {
            return known;
        }
        NamePathBuilder.Path built = buildPath(signer, carried, now);
        if (paths.size() >= PATHS_MAX) {
            paths.clear();
        }
        paths.put(key, built);
        return built;
    }

    private static boolean validAt(NamePathBuilder.Path path, Instant at) {
        for (X509Certificate c : path.certificates()) {
            if (!validAt(c, at)) {
                return false;
            }
        }
        return validAt(path.anchor(), at);
    }

    private static boolean validAt(X509Certificate c, Instant at) {
        return !at.isBefore(c.getNotBefore().toInstant()) && !at.isAfter(c.getNotAfter().toInstant());
    }

    private NamePathBuilder.Path buildPath(X509Certificate signer, Collection<X509Certificate> carried, Instant now)
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
        try {
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : result.getCertPath().getCertificates()) {
                certs.add((X509Certificate) c);
            }
            return new NamePathBuilder.Path(certs, result.getTrustAnchor().getTrustedCert());
        } catch (GeneralSecurityException e) {
            List<X509Certificate> all = new ArrayList<>(pool);
            all.addAll(trust.anchors());
            if (!NamePathBuilder.applies(signer, all)) {
                throw e;
            }
            return NamePathBuilder.build(signer, pool, trust.anchors(), now);
        }
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
            // not knowing is not "revoked" and not "good": INDETERMINATE, try later
            return new Problem(Failure.REVOCATION_UNAVAILABLE, "revocation status unknown: no current, correctly"
                    + " signed CRL of " + issuer.getSubjectX500Principal().getName());
        }
        for (X509CRL crl : usable) {
            X509CRLEntry entry = crl.getRevokedCertificate(cert);
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                return new Problem(Failure.REVOKED, "certificate serial " + cert.getSerialNumber().toString(16)
                        + " was revoked on " + entry.getRevocationDate().toInstant());
            }
        }
        if (usable.stream().noneMatch(crl -> coversExpired(crl, cert))) {
            return new Problem(Failure.REVOCATION_UNAVAILABLE, afterExpiry(cert, issuer));
        }
        return null;
    }

    /** A CRL object whose signature verified with an issuer key; identity of the CRL, equality of the key. */
    private record Verified(X509CRL crl, java.security.PublicKey key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Verified v && v.crl == crl && v.key.equals(key);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(crl) * 31 + key.hashCode();
        }
    }

    /**
     * CRL signatures found good, by the CRL object (as the trust folder or a distribution point gave it: a CRL
     * read again, or a new one, is another object and is verified again) and the issuer's key. A national CA's CRL
     * runs to megabytes, and hashing it for every signature checked cost more than the signature itself. Only
     * successes are kept; currency (this and next update) is judged on every call. Bounded: cleared when full.
     */
    private final Set<Verified> verifiedCrls = ConcurrentHashMap.newKeySet();
    private static final int VERIFIED_CRLS_MAX = 256;

    private boolean usable(X509CRL crl, X509Certificate issuer, Instant now) {
        Verified done = new Verified(crl, issuer.getPublicKey());
        if (!verifiedCrls.contains(done)) {
            try {
                Operators.verify(crl, issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                return false;
            }
            if (verifiedCrls.size() >= VERIFIED_CRLS_MAX) {
                verifiedCrls.clear();
            }
            verifiedCrls.add(done);
        }
        boolean started = !crl.getThisUpdate().toInstant().isAfter(now);
        boolean current = crl.getNextUpdate() != null && now.isBefore(crl.getNextUpdate().toInstant());
        return started && current;
    }
}
