package kz.qujat.eds;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * A Kazakh GOST private key as НУЦ РК's PKCS#12 files hold it: GOST 2015 as a little-endian OCTET STRING, GOST
 * 2004 as a big-endian INTEGER. Software key only; a token's key stays in the token's provider.
 */
public final class GostPrivateKey implements PrivateKey {
    private static final long serialVersionUID = 1L;
    private final GostAlgorithm algorithm;
    private transient BigInteger d;

    public GostPrivateKey(GostAlgorithm algorithm, BigInteger d) {
        this.algorithm = algorithm;
        this.d = d;
    }

    /** The key of a PKCS#8 structure with a Kazakh GOST key OID; null when the OID is not one. */
    static GostPrivateKey of(PrivateKeyInfo info) throws IOException {
        GostAlgorithm algorithm = GostAlgorithm.byKey(info.getPrivateKeyAlgorithm().getAlgorithm().getId());
        if (algorithm == null) {
            return null;
        }
        ASN1Encodable value = info.parsePrivateKey();
        if (value instanceof ASN1Integer integer) {
            return new GostPrivateKey(algorithm, integer.getPositiveValue());
        }
        if (value instanceof ASN1OctetString octets) {
            byte[] b = octets.getOctets();
            return new GostPrivateKey(algorithm, GostAlgorithm.fromLittleEndian(b, 0, b.length));
        }
        throw new IOException("unknown GOST private key encoding");
    }

    public GostAlgorithm gostAlgorithm() {
        return algorithm;
    }

    ECPrivateKeyParameters parameters() {
        if (d == null) {
            throw new IllegalStateException("the key was destroyed");
        }
        return new ECPrivateKeyParameters(d, algorithm.domain());
    }

    @Override
    public String getAlgorithm() {
        return algorithm.keyOid().getId();
    }

    @Override
    public String getFormat() {
        return "PKCS#8";
    }

    /** PKCS#8 in the form НУЦ РК writes it. */
    @Override
    public byte[] getEncoded() {
        if (d == null) {
            return null;
        }
        ASN1Encodable params = algorithm.digestParametersOid() == null
                ? new DERSequence(algorithm.keyParametersOid())
                : new DERSequence(new ASN1Encodable[] {algorithm.keyParametersOid(), algorithm.digestParametersOid()});
        ASN1Encodable value = algorithm == GostAlgorithm.GOST_2004 ? new ASN1Integer(d)
                : new DEROctetString(GostAlgorithm.toLittleEndian(d, algorithm.half()));
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(algorithm.keyOid(), params == null ? DERNull.INSTANCE : params),
                    value).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        d = null;
    }

    @Override
    public boolean isDestroyed() {
        return d == null;
    }

    @Override
    public String toString() {
        return "GostPrivateKey[" + algorithm + "]";
    }
}
