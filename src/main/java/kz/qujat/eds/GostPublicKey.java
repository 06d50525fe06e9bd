package kz.qujat.eds;

import java.io.IOException;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A Kazakh GOST public key: the SubjectPublicKeyInfo of an НУЦ РК certificate, whose BIT STRING holds an OCTET
 * STRING x‖y, each coordinate little-endian.
 */
public final class GostPublicKey implements PublicKey {
    private static final long serialVersionUID = 1L;
    private final GostAlgorithm algorithm;
    private final byte[] encoded;

    private GostPublicKey(GostAlgorithm algorithm, byte[] encoded) {
        this.algorithm = algorithm;
        this.encoded = encoded.clone();
    }

    /** The key for a point of the algorithm's curve. */
    static GostPublicKey of(GostAlgorithm algorithm, ECPoint q) {
        ECPoint n = q.normalize();
        byte[] xy = GostAlgorithm.concat(GostAlgorithm.toLittleEndian(n.getAffineXCoord().toBigInteger(), algorithm.half()),
                GostAlgorithm.toLittleEndian(n.getAffineYCoord().toBigInteger(), algorithm.half()));
        ASN1Encodable params = new DERSequence(new ASN1Encodable[] {algorithm.keyParametersOid(), algorithm.digestParametersOid()});
        try {
            SubjectPublicKeyInfo info = new SubjectPublicKeyInfo(new AlgorithmIdentifier(algorithm.keyOid(), params),
                    new DEROctetString(xy).getEncoded(ASN1Encoding.DER));
            return new GostPublicKey(algorithm, info.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads any public key whose encoding is a Kazakh GOST SubjectPublicKeyInfo; null when it is not one. */
    static GostPublicKey of(PublicKey key) {
        if (key instanceof GostPublicKey g) {
            return g;
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            return null;
        }
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(encoded);
        GostAlgorithm algorithm = GostAlgorithm.byKey(info.getAlgorithm().getAlgorithm().getId());
        return algorithm == null ? null : new GostPublicKey(algorithm, encoded);
    }

    public GostAlgorithm gostAlgorithm() {
        return algorithm;
    }

    ECPublicKeyParameters parameters() {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(encoded);
        byte[] xy;
        try {
            xy = ASN1OctetString.getInstance(info.getPublicKeyData().getBytes()).getOctets();
        } catch (IllegalArgumentException e) {
            xy = info.getPublicKeyData().getBytes();
        }
        int half = algorithm.half();
        if (xy.length != 2 * half) {
            throw new IllegalArgumentException("a " + algorithm.label() + " public key has " + 2 * half + " bytes, not "
                    + xy.length);
        }
        var domain = algorithm.domain();
        ECPoint q = domain.getCurve().createPoint(GostAlgorithm.fromLittleEndian(xy, 0, half),
                GostAlgorithm.fromLittleEndian(xy, half, half));
        return new ECPublicKeyParameters(q, domain);
    }

    @Override
    public String getAlgorithm() {
        return algorithm.keyOid().getId();
    }

    @Override
    public String getFormat() {
        return "X.509";
    }

    @Override
    public byte[] getEncoded() {
        return encoded.clone();
    }
}
