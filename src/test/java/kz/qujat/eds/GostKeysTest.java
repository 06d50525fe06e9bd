package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;

/** Reading НУЦ РК key files and signing CMS with GOST keys in the Kazakh form. */
class GostKeysTest {
    private static final byte[] CONTENT = "{\"decision\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsTheGost2015KeyFileTheJdkCannotOpen() throws Exception {
        try (Pkcs12KeySource source = NcaTest.gost2015()) {
            SigningKey key = source.signingKey();
            assertThat(key.privateKey()).isInstanceOf(GostPrivateKey.class);
            assertThat(Gost.algorithmOf(key.privateKey())).isEqualTo(GostAlgorithm.GOST_2015_512);
            assertThat(CertificateProfile.of(key.certificate()).iin()).isEqualTo("123456789012");
            assertThat(key.certificate().getSigAlgOID()).isEqualTo("1.2.398.3.10.1.1.2.3.2");
        }
    }

    @Test
    void wrongPasswordOfTheGostFileIsAWrongPassword() {
        assertThatThrownBy(() -> NcaTest.open("individual_valid_2015.p12", "Aa1234567"))
                .isInstanceOfSatisfying(EdsException.class,
                        e -> assertThat(e.kind()).isEqualTo(EdsException.Kind.WRONG_PASSWORD));
    }

    @Test
    void readsTheLegacyRsaKeyFiles() throws Exception {
        try (Pkcs12KeySource source = NcaTest.open("individual_valid_sign_2004.p12", "Qwerty12")) {
            assertThat(source.signingKey().privateKey().getAlgorithm()).isEqualTo("RSA");
        }
        try (Pkcs12KeySource source = NcaTest.open("individual_auth_revoked_2004.p12", "Qwerty12")) {
            assertThat(source.authenticationKey().certificate().getExtendedKeyUsage()).contains(KeyUsages.CLIENT_AUTH);
        }
    }

    @Test
    void theGost2015KeyMatchesItsCertificate() throws Exception {
        try (Pkcs12KeySource source = NcaTest.gost2015()) {
            SigningKey key = source.signingKey();
            byte[] signature = Gost.sign(GostAlgorithm.GOST_2015_512, key.privateKey(), null, CONTENT);
            assertThat(signature).hasSize(128);
            assertThat(Gost.verify(GostAlgorithm.GOST_2015_512, key.certificate().getPublicKey(), CONTENT, signature))
                    .isTrue();
            signature[5] ^= 1;
            assertThat(Gost.verify(GostAlgorithm.GOST_2015_512, key.certificate().getPublicKey(), CONTENT, signature))
                    .isFalse();
        }
    }

    @Test
    void signsDetachedAndAttachedCadesWithTheGost2015KeyInTheKazakhForm() throws Exception {
        try (Pkcs12KeySource source = NcaTest.gost2015()) {
            SigningKey key = source.signingKey();
            Instant time = NcaTest.GOST_2015_TIME;
            byte[] detached = CmsSigner.sign(key, CONTENT, false, null, time);
            byte[] attached = CmsSigner.sign(key, CONTENT, true, null, time);
            for (CMSSignedData data : new CMSSignedData[] {
                    new CMSSignedData(new CMSProcessableByteArray(CONTENT), detached), new CMSSignedData(attached)}) {
                SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
                assertThat(signer.getDigestAlgOID()).isEqualTo("1.2.398.3.10.1.3.3");
                assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.2.398.3.10.1.1.2.3.2");
                assertThat(signer.getSignature()).hasSize(128);
                assertThat(signer.verify(Operators.signerVerifier(key.certificate().getPublicKey()))).isTrue();
                assertThat(SigningCertificateBinding.check(signer, key.certificate())).isNull();
            }
            assertThat(new CMSSignedData(attached).getSignedContent().getContent()).isEqualTo(CONTENT);
        }
    }

    @Test
    void aGost2004KeySignsWithGost34311AndItsSignatureVerifies() throws Exception {
        KeyPair pair = Gost.generate(GostAlgorithm.GOST_2004, new SecureRandom());
        byte[] signature = Gost.sign(GostAlgorithm.GOST_2004, pair.getPrivate(), null, CONTENT);
        assertThat(signature).hasSize(64);
        assertThat(Gost.verify(GostAlgorithm.GOST_2004, pair.getPublic(), CONTENT, signature)).isTrue();
        assertThat(Gost.verify(GostAlgorithm.GOST_2004, pair.getPublic(), "other".getBytes(), signature)).isFalse();
        GostPrivateKey again = GostPrivateKey.of(org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(
                pair.getPrivate().getEncoded()));
        assertThat(Gost.verify(GostAlgorithm.GOST_2004, pair.getPublic(), CONTENT,
                Gost.sign(GostAlgorithm.GOST_2004, again, null, CONTENT))).isTrue();
    }

    @Test
    void theGost2004CompanyHeadCertificateVerifiesAgainstItsCa() throws Exception {
        Operators.verify(NcaTest.cert("certs/ceo_valid_sign_2004_gost.cer"), NcaTest.gost2004Ca().getPublicKey());
        assertThatThrownBy(() -> Operators.verify(NcaTest.cert("certs/ceo_valid_sign_2004_gost.cer"),
                NcaTest.gost2015Ca().getPublicKey())).isInstanceOf(java.security.GeneralSecurityException.class);
        Operators.verify(NcaTest.crl("crl/nca_gost_test.crl"), NcaTest.gost2004Ca().getPublicKey());
        Operators.verify(NcaTest.crl("crl/nca_gost2022_test.crl"), NcaTest.gost2015Ca().getPublicKey());
        Operators.verify(NcaTest.crl("crl/nca_rsa_test.crl"), NcaTest.rsaCa().getPublicKey());
    }
}
