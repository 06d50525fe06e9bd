package kz.qujat.eds;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;

/**
 * Reads a PKCS#12 file with Bouncy Castle's {@link PKCS12PfxPdu} where the JDK's KeyStore cannot: НУЦ РК's GOST
 * keys, whose key OIDs no JDK key factory knows, under the legacy PBEs (3DES, 40-bit RC2) НУЦ РК uses.
 */
final class Pkcs12Pfx {
    private Pkcs12Pfx() {
    }

    static List<SigningKey> read(byte[] file, char[] password) throws EdsException {
        PKCS12PfxPdu pfx;
        try {
            pfx = new PKCS12PfxPdu(file);
        } catch (IOException | RuntimeException e) {
            throw new EdsException(EdsException.Kind.UNREADABLE, "not a readable PKCS#12 file", e);
        }
        try {
            if (pfx.hasMac() && !pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(Bc.PROVIDER),
                    password)) {
                throw new EdsException(EdsException.Kind.WRONG_PASSWORD, "wrong password for the key file");
            }
            InputDecryptorProvider decryptor = new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(Bc.PROVIDER)
                    .build(password);
            Map<String, PrivateKey> keys = new HashMap<>();
            Map<String, X509Certificate> certsById = new HashMap<>();
            List<X509Certificate> certs = new ArrayList<>();
            for (var info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory factory = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, decryptor) : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : factory.getSafeBags()) {
                    String id = localKeyId(bag);
                    if (bag.getBagValue() instanceof X509CertificateHolder holder) {
                        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
                        certs.add(cert);
                        if (id != null) {
                            certsById.put(id, cert);
                        }
                    } else if (bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                        keys.put(id == null ? "" : id, privateKey(encrypted.decryptPrivateKeyInfo(decryptor)));
                    } else if (bag.getBagValue() instanceof PrivateKeyInfo plain) {
                        keys.put(id == null ? "" : id, privateKey(plain));
                    }
                }
            }
            List<SigningKey> result = new ArrayList<>();
            for (Map.Entry<String, PrivateKey> e : keys.entrySet()) {
                X509Certificate cert = certsById.get(e.getKey());
                if (cert == null && keys.size() == 1 && !certs.isEmpty()) {
                    cert = certs.get(0);
                }
                if (cert != null) {
                    result.add(new SigningKey(e.getValue(), cert, chain(cert, certs), null));
                }
            }
            return result;
        } catch (PKCSException e) {
            throw new EdsException(EdsException.Kind.WRONG_PASSWORD, "wrong password for a key in the file", e);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new EdsException(EdsException.Kind.UNREADABLE, "a key entry of the file cannot be read", e);
        }
    }

    private static String localKeyId(PKCS12SafeBag bag) {
        for (var attribute : bag.getAttributes()) {
            if (attribute.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_localKeyId)) {
                ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
                return org.bouncycastle.util.encoders.Hex.toHexString(ASN1OctetString.getInstance(value).getOctets());
            }
        }
        return null;
    }

    private static PrivateKey privateKey(PrivateKeyInfo info) throws IOException, GeneralSecurityException {
        GostPrivateKey gost = GostPrivateKey.of(info);
        if (gost != null) {
            return gost;
        }
        String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
        return KeyFactory.getInstance(oid, Bc.PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    }

    /** The signer first, then its issuers found among the file's certificates, without a self-signed root. */
    private static List<X509Certificate> chain(X509Certificate leaf, List<X509Certificate> all) throws CertificateException {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        X509Certificate current = leaf;
        while (chain.size() < 8) {
            X509Certificate next = null;
            for (X509Certificate c : all) {
                if (!chain.contains(c) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && !TrustConfig.isSelfSigned(c)) {
                    next = c;
                }
            }
            if (next == null) {
                break;
            }
            chain.add(next);
            current = next;
        }
        return chain;
    }
}
