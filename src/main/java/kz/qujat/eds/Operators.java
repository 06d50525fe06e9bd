package kz.qujat.eds;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.SignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Bouncy Castle operators (digest calculators, content verifiers, CMS signer verifiers) that know the Kazakh GOST
 * OIDs besides everything Bouncy Castle knows, and a signature check for certificates and CRLs of any algorithm.
 * An algorithm nobody here knows is reported as {@link Unsupported}, never as a bad signature.
 */
final class Operators {
    /** Signature or hash algorithm this verifier does not implement: the verdict is INDETERMINATE. */
    static final class Unsupported extends NoSuchAlgorithmException {
        private static final long serialVersionUID = 1L;

        Unsupported(String oid) {
            super("algorithm " + oid + (GostAlgorithm.kazakh(oid) ? " (Kazakh GOST arc)" : "")
                    + " is not supported by this verifier");
        }
    }

    /**
     * Bouncy Castle's name tables and JCA digest provider: built once (each builds maps of every algorithm it knows,
     * which cost more than an RSA verification when built per signature); they are read-only after construction.
     */
    private static final CMSSignatureAlgorithmNameGenerator STANDARD_NAMES = new DefaultCMSSignatureAlgorithmNameGenerator();
    private static final SignatureAlgorithmIdentifierFinder STANDARD_FINDER = new DefaultSignatureAlgorithmIdentifierFinder();
    private static final DigestCalculatorProvider JCA_DIGESTS;
    private static final CMSSignatureAlgorithmNameGenerator NAMES = (digest, encryption) ->
            GostAlgorithm.kazakh(encryption.getAlgorithm().getId()) ? encryption.getAlgorithm().getId()
                    : STANDARD_NAMES.getSignatureName(digest, encryption);
    private static final SignatureAlgorithmIdentifierFinder FINDER = name -> GostAlgorithm.kazakh(name)
            ? new AlgorithmIdentifier(new org.bouncycastle.asn1.ASN1ObjectIdentifier(name))
            : STANDARD_FINDER.find(name);
    /**
     * Digest and signature OID pairs (outside the Kazakh arc) found supported: the answer depends only on Bouncy
     * Castle's tables. Only supported pairs are kept, so the set is bounded by what Bouncy Castle knows whatever
     * OIDs signatures name.
     */
    private static final java.util.Set<String> SUPPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        try {
            JCA_DIGESTS = new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Operators() {
    }

    /** Verifies a certificate's signature with the issuer's key; SignatureException when it does not verify. */
    static void verify(X509Certificate cert, PublicKey issuerKey) throws GeneralSecurityException {
        if (GostAlgorithm.kazakh(cert.getSigAlgOID())) {
            check(cert.getSigAlgOID(), issuerKey, cert.getTBSCertificate(), cert.getSignature());
        } else {
            cert.verify(issuerKey);
        }
    }

    /** Verifies a CRL's signature with the issuer's key. */
    static void verify(X509CRL crl, PublicKey issuerKey) throws GeneralSecurityException {
        if (GostAlgorithm.kazakh(crl.getSigAlgOID())) {
            check(crl.getSigAlgOID(), issuerKey, crl.getTBSCertList(), crl.getSignature());
        } else {
            crl.verify(issuerKey);
        }
    }

    private static void check(String oid, PublicKey key, byte[] data, byte[] signature) throws GeneralSecurityException {
        GostAlgorithm algorithm = GostAlgorithm.bySignature(oid);
        if (algorithm == null) {
            throw new Unsupported(oid);
        }
        if (!Gost.verify(algorithm, key, data, signature)) {
            throw new java.security.SignatureException("the " + algorithm.label() + " signature does not verify");
        }
    }

    /** Digest calculators for the Kazakh hashes and everything Bouncy Castle knows. */
    static DigestCalculatorProvider digests() {
        return algorithm -> {
            String oid = algorithm.getAlgorithm().getId();
            if (GostAlgorithm.kazakh(oid)) {
                if (GostAlgorithm.digest(oid) == null && Gost.provider() == null) {
                    throw new OperatorCreationException(new Unsupported(oid).getMessage());
                }
                return buffered(algorithm, oid);
            }
            return JCA_DIGESTS.get(algorithm);
        };
    }

    private static DigestCalculator buffered(AlgorithmIdentifier algorithm, String oid) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        return new DigestCalculator() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getDigest() {
                try {
                    return Gost.digest(oid, buffer.toByteArray());
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** Content verifiers for a public key: Kazakh GOST here, anything else by Bouncy Castle's JCA. */
    static ContentVerifierProvider verifiers(PublicKey key) throws OperatorCreationException {
        return verifiers(key, null);
    }

    /** As {@link #verifiers(PublicKey)}, associated with the certificate (a time-stamp token's check wants it). */
    static ContentVerifierProvider verifiers(PublicKey key, X509CertificateHolder certificate)
            throws OperatorCreationException {
        ContentVerifierProvider jca = new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(key);
        return new ContentVerifierProvider() {
            @Override
            public boolean hasAssociatedCertificate() {
                return certificate != null;
            }

            @Override
            public X509CertificateHolder getAssociatedCertificate() {
                return certificate;
            }

            @Override
            public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
                String oid = algorithm.getAlgorithm().getId();
                if (!GostAlgorithm.kazakh(oid)) {
                    return jca.get(algorithm);
                }
                GostAlgorithm gost = GostAlgorithm.bySignature(oid);
                if (gost == null) {
                    throw new OperatorCreationException(new Unsupported(oid).getMessage());
                }
                return gostVerifier(algorithm, gost, key);
            }
        };
    }

    private static ContentVerifier gostVerifier(AlgorithmIdentifier id, GostAlgorithm gost, PublicKey key) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        return new ContentVerifier() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return id;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public boolean verify(byte[] signature) {
                try {
                    return Gost.verify(gost, key, buffer.toByteArray(), signature);
                } catch (GeneralSecurityException e) {
                    return false;
                }
            }
        };
    }

    /** A CMS signer verifier for the key (no validity check at the claimed signing time: that is judged later). */
    static SignerInformationVerifier signerVerifier(PublicKey key) throws OperatorCreationException {
        return signerVerifier(key, null);
    }

    /** A CMS signer verifier associated with the signer's certificate. */
    static SignerInformationVerifier signerVerifier(X509Certificate certificate) throws OperatorCreationException {
        try {
            return signerVerifier(certificate.getPublicKey(), new X509CertificateHolder(certificate.getEncoded()));
        } catch (java.io.IOException | java.security.cert.CertificateEncodingException e) {
            throw new OperatorCreationException("the certificate cannot be encoded", e);
        }
    }

    private static SignerInformationVerifier signerVerifier(PublicKey key, X509CertificateHolder certificate)
            throws OperatorCreationException {
        return new SignerInformationVerifier(NAMES, FINDER, verifiers(key, certificate), digests());
    }

    /** Whether a CMS signer's digest and signature algorithms can be checked here; null when yes, else the reason. */
    static String unsupported(String digestOid, String signatureOid) {
        if (GostAlgorithm.kazakh(digestOid) && GostAlgorithm.digest(digestOid) == null && Gost.provider() == null) {
            return new Unsupported(digestOid).getMessage();
        }
        if (GostAlgorithm.kazakh(signatureOid) && GostAlgorithm.bySignature(signatureOid) == null
                && GostAlgorithm.byKey(signatureOid) == null && Gost.provider() == null) {
            return new Unsupported(signatureOid).getMessage();
        }
        boolean standard = !GostAlgorithm.kazakh(signatureOid) && !GostAlgorithm.kazakh(digestOid);
        String pair = digestOid + " " + signatureOid;
        if (standard && SUPPORTED.contains(pair)) {
            return null;
        }
        if (!GostAlgorithm.kazakh(signatureOid)) {
            try {
                AlgorithmIdentifier digest = new AlgorithmIdentifier(new org.bouncycastle.asn1.ASN1ObjectIdentifier(digestOid));
                AlgorithmIdentifier signature = new AlgorithmIdentifier(
                        new org.bouncycastle.asn1.ASN1ObjectIdentifier(signatureOid));
                STANDARD_FINDER.find(STANDARD_NAMES.getSignatureName(digest, signature));
            } catch (RuntimeException e) {
                return new Unsupported(signatureOid).getMessage();
            }
        }
        if (!GostAlgorithm.kazakh(digestOid)) {
            try {
                JCA_DIGESTS.get(new AlgorithmIdentifier(new org.bouncycastle.asn1.ASN1ObjectIdentifier(digestOid)));
            } catch (OperatorCreationException | RuntimeException e) {
                return new Unsupported(digestOid).getMessage();
            }
        }
        if (standard) {
            SUPPORTED.add(pair);
        }
        return null;
    }
}
