package kz.qujat.eds;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Builds a certification path by issuer names and signatures for certificates the JDK's PKIX builder cannot
 * check because their signatures are Kazakh GOST: each certificate valid at the time, each issuer a CA allowed
 * to sign certificates, up to a trust anchor. Used only where PKIX fails on such algorithms.
 */
final class NamePathBuilder {
    private static final int MAX_DEPTH = 8;

    /** The path without the anchor, and the anchor. */
    record Path(List<X509Certificate> certificates, X509Certificate anchor) { }

    private NamePathBuilder() {
    }

    /** Whether any certificate involved uses a Kazakh algorithm (else PKIX's answer stands). */
    static boolean applies(X509Certificate signer, List<X509Certificate> pool) {
        if (GostAlgorithm.kazakh(signer.getSigAlgOID())) {
            return true;
        }
        return pool.stream().anyMatch(c -> GostAlgorithm.kazakh(c.getSigAlgOID())
                || GostAlgorithm.kazakh(c.getPublicKey().getAlgorithm()));
    }

    static Path build(X509Certificate signer, List<X509Certificate> pool, List<X509Certificate> anchors, Instant at)
            throws CertPathBuilderException {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = signer;
        String lastProblem = "no issuer certificate found for " + signer.getIssuerX500Principal().getName();
        while (path.size() < MAX_DEPTH) {
            validAt(current, at);
            path.add(current);
            for (X509Certificate anchor : anchors) {
                if (anchor.equals(current)) {
                    path.remove(path.size() - 1);
                    return new Path(path, anchor);
                }
            }
            for (X509Certificate anchor : anchors) {
                String problem = issues(anchor, current);
                if (problem == null) {
                    return new Path(path, anchor);
                }
                lastProblem = problem;
            }
            X509Certificate next = null;
            for (X509Certificate candidate : pool) {
                if (path.contains(candidate)) {
                    continue;
                }
                String problem = issues(candidate, current);
                if (problem == null) {
                    next = candidate;
                    break;
                }
                lastProblem = problem;
            }
            if (next == null) {
                throw new CertPathBuilderException(lastProblem);
            }
            current = next;
        }
        throw new CertPathBuilderException("the certification path is longer than " + MAX_DEPTH);
    }

    /** Null when {@code issuer} is a CA that signed {@code cert}, else why not. */
    private static String issues(X509Certificate issuer, X509Certificate cert) {
        if (!issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return "no issuer certificate found for " + cert.getIssuerX500Principal().getName();
        }
        if (issuer.getBasicConstraints() < 0) {
            return "the issuer " + issuer.getSubjectX500Principal().getName() + " is not a CA";
        }
        boolean[] usage = issuer.getKeyUsage();
        if (usage != null && (usage.length < 6 || !usage[5])) {
            return "the issuer " + issuer.getSubjectX500Principal().getName() + " may not sign certificates";
        }
        try {
            Operators.verify(cert, issuer.getPublicKey());
            return null;
        } catch (Operators.Unsupported e) {
            return e.getMessage();
        } catch (GeneralSecurityException e) {
            return "the certificate's signature does not verify with its issuer's key";
        }
    }

    private static void validAt(X509Certificate cert, Instant at) throws CertPathBuilderException {
        try {
            cert.checkValidity(Date.from(at));
        } catch (GeneralSecurityException e) {
            throw new CertPathBuilderException("validity check failed: " + cert.getSubjectX500Principal().getName()
                    + " is not valid at " + at);
        }
    }
}
