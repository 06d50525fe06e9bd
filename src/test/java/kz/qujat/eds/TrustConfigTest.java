package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.qujat.testsupport.DevIdentities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustConfigTest {

    @Test
    void loadsSelfSignedAsAnchorsOthersAsIntermediatesAndTheCrls() {
        TrustConfig trust = DevIdentities.trust();
        assertThat(trust.anchors()).hasSize(2);
        assertThat(trust.anchors().get(0).getSubjectX500Principal().getName()).contains("Root CA");
        assertThat(trust.anchors().get(1).getSubjectX500Principal().getName()).as("self-signed with GOST 2015")
                .contains("GOST 2015 CA");
        assertThat(trust.intermediates()).singleElement().satisfies(i ->
                assertThat(i.getSubjectX500Principal().getName()).contains("Intermediate CA"));
        assertThat(trust.crls()).hasSize(3);
    }

    @Test
    void aSingleCertificateFileIsReadAndGarbageIsRefused(@TempDir Path dir) throws IOException {
        assertThat(Certificates.read(DevIdentities.file("trust/root-ca.crt"))).isEqualTo(DevIdentities.trust().anchors().get(0));
        Path bad = Files.writeString(dir.resolve("bad.crt"), "not a certificate");
        assertThatThrownBy(() -> Certificates.read(bad)).isInstanceOf(IOException.class);
    }

    @Test
    void aFolderWithoutARootIsRefused(@TempDir Path dir) throws IOException {
        Files.copy(DevIdentities.file("trust/intermediate-ca.crt"), dir.resolve("intermediate-ca.crt"));
        assertThatThrownBy(() -> TrustConfig.load(dir)).isInstanceOf(IOException.class).hasMessageContaining("root");
    }

    @Test
    void aGarbageCertificateIsReportedNotIgnored(@TempDir Path dir) throws IOException {
        Files.copy(DevIdentities.file("trust/root-ca.crt"), dir.resolve("root-ca.crt"));
        Files.writeString(dir.resolve("bad.crt"), "not a certificate");
        assertThatThrownBy(() -> TrustConfig.load(dir)).isInstanceOf(IOException.class);
    }
}
