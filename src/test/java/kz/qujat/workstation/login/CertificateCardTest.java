package kz.qujat.workstation.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import kz.qujat.testsupport.DevIdentities;
import org.junit.jupiter.api.Test;

/** The login card of real НУЦ РК certificates (src/test/resources/nca-test) and of the development GOST officer. */
class CertificateCardTest {

    private static X509Certificate nca(String name) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/nca-test", name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void aGost2004CompanyHeadShowsBinRolesPurposeAndAlgorithm() throws Exception {
        CertificateCard card = CertificateCard.of(nca("certs/ceo_valid_sign_2004_gost.cer"));
        assertThat(card.iin()).isEqualTo("123456789011");
        assertThat(card.bin()).isEqualTo("123456789021");
        assertThat(card.organisation()).isEqualTo("АО \"ТЕСТ\"");
        assertThat(card.roles()).containsExactly("login.card.role.legalEntity", "login.card.role.head");
        assertThat(card.purposes()).containsExactly("login.card.purpose.gostSigning");
        assertThat(card.algorithm()).isEqualTo("login.card.algorithm.gost2004");
        assertThat(card.issuer()).isEqualTo("ҰКО 3.0 (GOST TEST)");
    }

    @Test
    void anRsaAuthenticationCertificateOfAnIndividual() throws Exception {
        CertificateCard card = CertificateCard.of(nca("certs/individual_valid_sign_2004_rsa_auth.cer"));
        assertThat(card.bin()).isNull();
        assertThat(card.roles()).containsExactly("login.card.role.individual");
        assertThat(card.purposes()).containsExactly("login.card.purpose.rsaAuthentication");
        assertThat(card.algorithm()).isEqualTo("RSA");
    }

    @Test
    void theDevelopmentGostOfficer() {
        CertificateCard card = CertificateCard.of(DevIdentities.authenticationKey("officer-gost").certificate());
        assertThat(card.algorithm()).isEqualTo("login.card.algorithm.gost2015");
        assertThat(card.purposes()).containsExactly("login.card.purpose.gostAuthentication");
        assertThat(card.roles()).containsExactly("login.card.role.employee");
        assertThat(card.bin()).isEqualTo("990440000129");
    }
}
