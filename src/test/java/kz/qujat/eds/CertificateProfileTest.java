package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qujat.domain.Iin;
import kz.qujat.testsupport.DevIdentities;
import org.junit.jupiter.api.Test;

class CertificateProfileTest {

    @Test
    void readsIinNamesOrganisationBinAndRoleFromAKazakhProfileCertificate() throws Exception {
        try (Pkcs12KeySource source = DevIdentities.open("officer-astana")) {
            CertificateProfile p = CertificateProfile.of(source.signingKey().certificate());
            assertThat(p.iin()).isEqualTo("850314312017");
            assertThat(Iin.isValid(p.iin())).isTrue();
            assertThat(p.surname()).isEqualTo("ЖАКСЫБЕКОВ");
            assertThat(p.givenName()).isEqualTo("АРМАН");
            assertThat(p.commonName()).isEqualTo("ЖАКСЫБЕКОВ АРМАН");
            assertThat(p.displayName()).isEqualTo("ЖАКСЫБЕКОВ АРМАН");
            assertThat(p.organisation()).isEqualTo("Департамент полиции города Астаны");
            assertThat(p.bin()).isEqualTo("990440000129");
            assertThat(p.roleOids()).containsExactly("1.2.398.3.3.4.1.2.5");
            assertThat(p.toString()).doesNotContain("850314312017").doesNotContain("АРМАН");
        }
    }

    @Test
    void aCaCertificateHasNoIinNorBin() {
        CertificateProfile p = CertificateProfile.of(DevIdentities.trust().anchors().get(0));
        assertThat(p.iin()).isNull();
        assertThat(p.bin()).isNull();
        assertThat(p.roleOids()).isEmpty();
        assertThat(p.displayName()).isEqualTo("Qujat DEVELOPMENT Root CA - not for production");
    }
    @Test
    void aCertificateIsReadOnceAndEachCertificateKeepsItsOwnProfile() throws Exception {
        try (Pkcs12KeySource astana = DevIdentities.open("officer-astana");
             Pkcs12KeySource other = DevIdentities.open("officer-almaty")) {
            java.security.cert.X509Certificate cert = astana.signingKey().certificate();
            CertificateProfile first = CertificateProfile.of(cert);
            // the same certificate decoded again (as a signature carries it) is equal and gives the profile kept
            java.security.cert.X509Certificate again = (java.security.cert.X509Certificate)
                    java.security.cert.CertificateFactory.getInstance("X.509")
                            .generateCertificate(new java.io.ByteArrayInputStream(cert.getEncoded()));
            assertThat(CertificateProfile.of(again)).isSameAs(first);
            CertificateProfile second = CertificateProfile.of(other.signingKey().certificate());
            assertThat(second.iin()).isNotNull().isNotEqualTo(first.iin());
            assertThat(CertificateProfile.of(cert).iin()).isEqualTo("850314312017");
        }
    }
}
