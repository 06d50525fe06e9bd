package kz.qujat.eds;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cryptopro.ECGOST3410NamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.GOST3411Digest;
import org.bouncycastle.crypto.digests.GOST3411_2012_256Digest;
import org.bouncycastle.crypto.digests.GOST3411_2012_512Digest;
import org.bouncycastle.crypto.engines.GOST28147Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * The Kazakh GOST signature algorithms of НУЦ РК under their own OIDs (arc 1.2.398.3.10), which neither the JDK
 * nor Bouncy Castle's JCA/CMS layers know, mapped onto Bouncy Castle's curves and digests. Kazakh byte order:
 * public key x‖y and signature r‖s, each half little-endian.
 */
public enum GostAlgorithm {
    /** GOST 34.310-2004 with GOST 34.311-95 (S-box "D-Test"), curve CryptoPro-A. */
    GOST_2004("1.2.398.3.10.1.1.1.2", "1.2.398.3.10.1.1.1.1", "1.2.398.3.10.1.1.1.1.1", "1.2.398.3.10.1.3.1",
            "1.2.398.3.10.1.3.1.1.0", "GostR3410-2001-CryptoPro-A", 32, "GOST 34.310-2004"),
    /** GOST 34.310-2015, 512-bit key, Streebog-512, curve TC26 512 paramSetA. */
    GOST_2015_512("1.2.398.3.10.1.1.2.3.2", "1.2.398.3.10.1.1.2.2", "1.2.398.3.10.1.1.2.2.1", "1.2.398.3.10.1.3.3",
            "1.2.398.3.10.1.3.3", "Tc26-Gost-3410-12-512-paramSetA", 64, "GOST 34.310-2015 (512)");

    /** GOST 2015 256-bit signature and hash OIDs: the hash is known, the signature's curve is not (no sample). */
    static final String GOST_2015_256_SIGNATURE = "1.2.398.3.10.1.1.2.3.1";
    static final String GOST_2015_256_DIGEST = "1.2.398.3.10.1.3.2";
    /** Everything of the Kazakh cryptographic arc. */
    static final String KAZAKH_ARC = "1.2.398.3.10.";

    private final ASN1ObjectIdentifier signature;
    private final ASN1ObjectIdentifier key;
    private final ASN1ObjectIdentifier keyParameters;
    private final ASN1ObjectIdentifier digest;
    private final ASN1ObjectIdentifier digestParameters;
    private final String curve;
    private final int half;
    private final String label;

    GostAlgorithm(String signature, String key, String keyParameters, String digest, String digestParameters,
            String curve, int half, String label) {
        this.signature = new ASN1ObjectIdentifier(signature);
        this.key = new ASN1ObjectIdentifier(key);
        this.keyParameters = new ASN1ObjectIdentifier(keyParameters);
        this.digest = new ASN1ObjectIdentifier(digest);
        this.digestParameters = digestParameters == null ? null : new ASN1ObjectIdentifier(digestParameters);
        this.curve = curve;
        this.half = half;
        this.label = label;
    }

    public ASN1ObjectIdentifier signatureOid() {
        return signature;
    }

    public ASN1ObjectIdentifier keyOid() {
        return key;
    }

    public ASN1ObjectIdentifier keyParametersOid() {
        return keyParameters;
    }

    public ASN1ObjectIdentifier digestOid() {
        return digest;
    }

    /** The hash parameter set named next to the key parameters in a GOST 2004 key, else null. */
    public ASN1ObjectIdentifier digestParametersOid() {
        return digestParameters;
    }

    /** Bytes of one coordinate (and of r and of s). */
    public int half() {
        return half;
    }

    /** For people: "GOST 34.310-2015 (512)". */
    public String label() {
        return label;
    }

    public ECDomainParameters domain() {
        X9ECParameters x9 = ECGOST3410NamedCurves.getByNameX9(curve);
        return new ECDomainParameters(x9);
    }

    /** The algorithm whose signature OID this is, or null. */
    public static GostAlgorithm bySignature(String oid) {
        for (GostAlgorithm a : values()) {
            if (a.signature.getId().equals(oid)) {
                return a;
            }
        }
        return null;
    }

    /** The algorithm whose public key OID this is, or null. */
    public static GostAlgorithm byKey(String oid) {
        for (GostAlgorithm a : values()) {
            if (a.key.getId().equals(oid)) {
                return a;
            }
        }
        return null;
    }

    /** Whether an OID belongs to the Kazakh cryptographic arc (known here or not). */
    static boolean kazakh(String oid) {
        return oid != null && oid.startsWith(KAZAKH_ARC);
    }

    /** A fresh digest for a Kazakh hash OID, or null when the OID is not a Kazakh hash. */
    static Digest digest(String oid) {
        if (GOST_2004.digest.getId().equals(oid)) {
            return new GOST3411Digest(GOST28147Engine.getSBox("D-Test"));
        }
        if (GOST_2015_512.digest.getId().equals(oid)) {
            return new GOST3411_2012_512Digest();
        }
        if (GOST_2015_256_DIGEST.equals(oid)) {
            return new GOST3411_2012_256Digest();
        }
        return null;
    }

    /** The big-endian value of a little-endian half. */
    static BigInteger fromLittleEndian(byte[] bytes, int from, int length) {
        byte[] be = new byte[length];
        for (int i = 0; i < length; i++) {
            be[i] = bytes[from + length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    /** The value as exactly {@code length} little-endian bytes. */
    static byte[] toLittleEndian(BigInteger value, int length) {
        byte[] be = value.toByteArray();
        byte[] le = new byte[length];
        for (int i = 0; i < length && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        if (be.length > length && !(be.length == length + 1 && be[0] == 0)) {
            throw new IllegalArgumentException("value longer than " + length + " bytes");
        }
        return le;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
