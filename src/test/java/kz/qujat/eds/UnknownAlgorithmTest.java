package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.SignatureSpi;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qujat.eds.VerificationResult.EtsiIndication;
import kz.qujat.eds.VerificationResult.SubIndication;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.junit.jupiter.api.Test;

/** Algorithms nobody here implements are INDETERMINATE, never an exception or "invalid"; the provider seam works. */
class UnknownAlgorithmTest {
    private static final byte[] CONTENT = "данные".getBytes(StandardCharsets.UTF_8);

    @Test
    void gost2015With256BitsAndAnInventedAlgorithmAreIndeterminate() throws Exception {
        try (Pkcs12KeySource source = NcaTest.gost2015()) {
            SigningKey key = source.signingKey();
            for (String[] algorithms : new String[][] {
                    {"1.2.398.3.10.1.1.2.3.1", "1.2.398.3.10.1.3.2"}, {"1.2.3.4.5.6.7", "2.16.840.1.101.3.4.2.1"}}) {
                byte[] cms = signedClaiming(key, algorithms[0], algorithms[1]);
                VerificationResult r = new CmsVerifier(NcaTest.trust(), NcaTest.at(NcaTest.GOST_2015_TIME))
                        .verifyDetached(cms, CONTENT, KeyPurpose.SIGNING);
                assertThat(r.failure()).as(r.reason()).isEqualTo(VerificationResult.Failure.UNSUPPORTED_ALGORITHM);
                assertThat(r.etsi()).isEqualTo(new VerificationResult.Etsi(EtsiIndication.INDETERMINATE,
                        SubIndication.CRYPTO_CONSTRAINTS_FAILURE));
                assertThat(r.reason()).contains(algorithms[0]).contains("not supported");
                assertThat(r.signatureIntact()).isNull();
                assertThat(r.indeterminate()).as("not worth a retry").isFalse();
                assertThat(ValidationReport.of(r).text()).contains("INDETERMINATE / CRYPTO_CONSTRAINTS_FAILURE",
                        "not checked");
            }
        }
    }

    @Test
    void aCertifiedProviderNamedByThePropertyDoesTheGostWork() throws Exception {
        CountingProvider provider = new CountingProvider();
        Security.addProvider(provider);
        System.setProperty(Gost.PROVIDER_PROPERTY, provider.getName());
        try (Pkcs12KeySource source = NcaTest.gost2015()) {
            SigningKey key = source.signingKey();
            byte[] cms = CmsSigner.sign(key, CONTENT, false, null, NcaTest.GOST_2015_TIME);
            VerificationResult r = new CmsVerifier(NcaTest.trust(), NcaTest.at(NcaTest.GOST_2015_TIME))
                    .verifyDetached(cms, CONTENT, KeyPurpose.SIGNING);
            assertThat(r.valid()).as(r.reason()).isTrue();
            assertThat(CountingProvider.VERIFIED.get()).as("signature and certificate checks went to the provider")
                    .isGreaterThanOrEqualTo(2);
        } finally {
            System.clearProperty(Gost.PROVIDER_PROPERTY);
            Security.removeProvider(provider.getName());
        }
        int before = CountingProvider.VERIFIED.get();
        Operators.verify(NcaTest.cert("certs/ceo_valid_sign_2004_gost.cer"), NcaTest.gost2004Ca().getPublicKey());
        assertThat(CountingProvider.VERIFIED.get()).as("without the property Bouncy Castle does it").isEqualTo(before);
    }

    /** A CMS whose signer claims these algorithms, with a signature value that means nothing. */
    private static byte[] signedClaiming(SigningKey key, String signature, String digest) throws Exception {
        ContentSigner claiming = new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return new AlgorithmIdentifier(new ASN1ObjectIdentifier(signature));
            }

            @Override
            public OutputStream getOutputStream() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public byte[] getSignature() {
                return new byte[64];
            }
        };
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(Operators.digests())
                .setContentDigest(new AlgorithmIdentifier(new ASN1ObjectIdentifier(digest)))
                .build(claiming, new JcaX509CertificateHolder(key.certificate())));
        generator.addCertificates(new JcaCertStore(key.chain()));
        return generator.generate(new CMSProcessableByteArray(CONTENT), false).getEncoded();
    }

    /** Stands in for Kalkan: a JCA provider for the Kazakh signature OIDs (it uses Bouncy Castle's primitives). */
    static final class CountingProvider extends Provider {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger VERIFIED = new AtomicInteger();

        CountingProvider() {
            super("QUJAT-TEST-GOST", "1.0", "test stand-in for a certified Kazakh GOST provider");
            for (GostAlgorithm a : GostAlgorithm.values()) {
                putService(new Service(this, "Signature", a.signatureOid().getId(), Spi.class.getName(), null, null) {
                    @Override
                    public Object newInstance(Object parameter) {
                        return new Spi(a);
                    }
                });
                putService(new Service(this, "MessageDigest", a.digestOid().getId(), Md.class.getName(), null, null) {
                    @Override
                    public Object newInstance(Object parameter) {
                        return new Md(a.digestOid().getId());
                    }
                });
            }
        }
    }

    static final class Spi extends SignatureSpi {
        private final GostAlgorithm algorithm;
        private final java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        private PublicKey publicKey;
        private PrivateKey privateKey;

        Spi(GostAlgorithm algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        protected void engineInitVerify(PublicKey key) {
            publicKey = key;
            data.reset();
        }

        @Override
        protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
            privateKey = key;
            data.reset();
        }

        @Override
        protected void engineUpdate(byte b) {
            data.write(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            data.write(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws java.security.SignatureException {
            try {
                return Gost.sign(algorithm, privateKey, null, data.toByteArray());
            } catch (GeneralSecurityException e) {
                throw new java.security.SignatureException(e);
            }
        }

        @Override
        protected boolean engineVerify(byte[] signature) throws java.security.SignatureException {
            CountingProvider.VERIFIED.incrementAndGet();
            String saved = System.clearProperty(Gost.PROVIDER_PROPERTY);
            try {
                return Gost.verify(algorithm, publicKey, data.toByteArray(), signature);
            } catch (GeneralSecurityException e) {
                throw new java.security.SignatureException(e);
            } finally {
                System.setProperty(Gost.PROVIDER_PROPERTY, saved);
            }
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Md extends java.security.MessageDigestSpi {
        private final String oid;
        private final java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();

        Md(String oid) {
            this.oid = oid;
        }

        @Override
        protected void engineUpdate(byte input) {
            data.write(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            data.write(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            var d = GostAlgorithm.digest(oid);
            byte[] in = data.toByteArray();
            data.reset();
            d.update(in, 0, in.length);
            byte[] out = new byte[d.getDigestSize()];
            d.doFinal(out, 0);
            return out;
        }

        @Override
        protected void engineReset() {
            data.reset();
        }
    }
}
