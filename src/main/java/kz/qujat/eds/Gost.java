package kz.qujat.eds;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECGOST3410Signer;
import org.bouncycastle.operator.ContentSigner;

/**
 * Signs, verifies and hashes with the Kazakh GOST algorithms. A certified JCA provider that knows the НУЦ РК OIDs
 * (Kalkan) is used when it is installed and named by the system property {@value #PROVIDER_PROPERTY}; otherwise
 * Bouncy Castle's low-level primitives do the work with the Kazakh byte order.
 */
public final class Gost {
    /** The name of an installed JCA provider for the Kazakh OIDs, e.g. {@code KALKAN}; unset: Bouncy Castle. */
    public static final String PROVIDER_PROPERTY = "qujat.eds.gost-provider";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Gost() {
    }

    /** The configured certified provider, or null (Bouncy Castle's primitives are used). */
    static Provider provider() {
        String name = System.getProperty(PROVIDER_PROPERTY);
        return name == null || name.isBlank() ? null : Security.getProvider(name.trim());
    }

    /** A new software key pair (development PKI and tests; real keys come from НУЦ РК). */
    public static KeyPair generate(GostAlgorithm algorithm, SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(algorithm.domain(), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPrivateKeyParameters priv = (ECPrivateKeyParameters) pair.getPrivate();
        ECPublicKeyParameters pub = (ECPublicKeyParameters) pair.getPublic();
        return new KeyPair(GostPublicKey.of(algorithm, pub.getQ()), new GostPrivateKey(algorithm, priv.getD()));
    }

    /** The algorithm of a private key: a Kazakh GOST key of ours, or a provider's key with a Kazakh key OID; else null. */
    public static GostAlgorithm algorithmOf(PrivateKey key) {
        if (key instanceof GostPrivateKey g) {
            return g.gostAlgorithm();
        }
        return GostAlgorithm.byKey(key.getAlgorithm());
    }

    /** The signature value r‖s (little-endian halves) over {@code data}, hashed with the algorithm's GOST hash. */
    static byte[] sign(GostAlgorithm algorithm, PrivateKey key, Provider keyProvider, byte[] data)
            throws GeneralSecurityException {
        Provider provider = keyProvider != null ? keyProvider : provider();
        if (!(key instanceof GostPrivateKey gost)) {
            if (provider == null) {
                throw new NoSuchAlgorithmException(algorithm.label() + " signing needs the key's provider");
            }
            Signature signature = Signature.getInstance(algorithm.signatureOid().getId(), provider);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        }
        ECGOST3410Signer signer = new ECGOST3410Signer();
        signer.init(true, new ParametersWithRandom(gost.parameters(), RANDOM));
        BigInteger[] rs = signer.generateSignature(hash(algorithm.digestOid(), data));
        return GostAlgorithm.concat(GostAlgorithm.toLittleEndian(rs[0], algorithm.half()),
                GostAlgorithm.toLittleEndian(rs[1], algorithm.half()));
    }

    /** Whether {@code signature} (r‖s, little-endian halves) is a valid signature of {@code data} by {@code key}. */
    static boolean verify(GostAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature)
            throws GeneralSecurityException {
        Provider provider = provider();
        if (provider != null) {
            Signature verifier = Signature.getInstance(algorithm.signatureOid().getId(), provider);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        }
        GostPublicKey gost = GostPublicKey.of(key);
        if (gost == null || gost.gostAlgorithm() != algorithm) {
            throw new java.security.InvalidKeyException("not a " + algorithm.label() + " public key");
        }
        int half = algorithm.half();
        if (signature.length != 2 * half) {
            return false;
        }
        ECGOST3410Signer verifier = new ECGOST3410Signer();
        try {
            verifier.init(false, gost.parameters());
        } catch (IllegalArgumentException e) {
            throw new java.security.InvalidKeyException("the " + algorithm.label() + " public key is not on its curve", e);
        }
        return verifier.verifySignature(hash(algorithm.digestOid(), data),
                GostAlgorithm.fromLittleEndian(signature, 0, half), GostAlgorithm.fromLittleEndian(signature, half, half));
    }

    /** The Kazakh hash of the OID over {@code data}; NoSuchAlgorithmException when the OID is not a Kazakh hash. */
    static byte[] digest(String oid, byte[] data) throws NoSuchAlgorithmException {
        Provider provider = provider();
        if (provider != null) {
            return MessageDigest.getInstance(oid, provider).digest(data);
        }
        Digest digest = GostAlgorithm.digest(oid);
        if (digest == null) {
            throw new NoSuchAlgorithmException("unknown hash algorithm " + oid);
        }
        return hash(digest, data);
    }

    private static byte[] hash(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, byte[] data) throws NoSuchAlgorithmException {
        return digest(oid.getId(), data);
    }

    private static byte[] hash(Digest digest, byte[] data) {
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** A Bouncy Castle content signer for certificates, CRLs, OCSP responses and CMS with a GOST key. */
    public static ContentSigner contentSigner(PrivateKey key, Provider keyProvider) throws NoSuchAlgorithmException {
        GostAlgorithm algorithm = algorithmOf(key);
        if (algorithm == null) {
            throw new NoSuchAlgorithmException("not a Kazakh GOST key: " + key.getAlgorithm());
        }
        AlgorithmIdentifier id = new AlgorithmIdentifier(algorithm.signatureOid());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return id;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                byte[] data = buffer.toByteArray();
                buffer.reset();
                try {
                    return sign(algorithm, key, keyProvider, data);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("GOST signing failed: " + e.getMessage(), e);
                } finally {
                    Arrays.fill(data, (byte) 0);
                }
            }
        };
    }
}
