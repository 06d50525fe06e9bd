package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.qujat.testsupport.DevIdentities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12KeySourceTest {

    @Test
    void picksTheSigningAndTheAuthenticationKeyByKeyUsage() throws Exception {
        try (Pkcs12KeySource source = DevIdentities.open("officer-astana")) {
            SigningKey signing = source.signingKey();
            SigningKey auth = source.authenticationKey();
            assertThat(signing.certificate().getKeyUsage()[1]).as("nonRepudiation").isTrue();
            assertThat(auth.certificate().getKeyUsage()[1]).as("nonRepudiation").isFalse();
            assertThat(auth.certificate().getExtendedKeyUsage()).contains(KeyUsages.CLIENT_AUTH);
            assertThat(signing.privateKey()).isNotEqualTo(auth.privateKey());
            assertThat(signing.privateKey().getAlgorithm()).isEqualTo("RSA");
        }
    }

    @Test
    void chainStartsWithTheSignerAndLeavesOutTheRoot() throws Exception {
        try (Pkcs12KeySource source = DevIdentities.open("officer-almaty")) {
            SigningKey key = source.signingKey();
            assertThat(key.chain()).hasSize(2);
            assertThat(key.chain().get(0)).isEqualTo(key.certificate());
            assertThat(key.chain().get(1)).isEqualTo(DevIdentities.trust().intermediates().get(0));
            assertThat(key.privateKey().getAlgorithm()).isEqualTo("EC");
        }
    }

    @Test
    void wrongPasswordIsReportedAsSuch() {
        assertThatThrownBy(() -> Pkcs12KeySource.open(DevIdentities.file("officer-astana.p12"), "wrong".toCharArray()))
                .isInstanceOfSatisfying(EdsException.class,
                        e -> assertThat(e.kind()).isEqualTo(EdsException.Kind.WRONG_PASSWORD));
    }

    @Test
    void aServiceFileHasASigningKeyButNoAuthenticationKey() throws Exception {
        try (Pkcs12KeySource source = DevIdentities.open("central-service")) {
            assertThat(source.signingKey().certificate())
                    .isEqualTo(Certificates.read(DevIdentities.file("central-service.crt")));
            assertThatThrownBy(source::authenticationKey).isInstanceOfSatisfying(EdsException.class,
                    e -> assertThat(e.kind()).isEqualTo(EdsException.Kind.NO_SUCH_KEY));
        }
    }

    @Test
    void aMissingOrGarbageFileIsUnreadable(@TempDir Path dir) throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.p12"), new byte[] {1, 2, 3, 4, 5});
        for (Path p : new Path[] {garbage, dir.resolve("missing.p12")}) {
            assertThatThrownBy(() -> Pkcs12KeySource.open(p, "qujat-dev".toCharArray()))
                    .isInstanceOfSatisfying(EdsException.class,
                            e -> assertThat(e.kind()).isEqualTo(EdsException.Kind.UNREADABLE));
        }
    }

    @Test
    void closedSourceHasNoKeys() throws Exception {
        Pkcs12KeySource source = DevIdentities.open("officer-astana");
        source.close();
        assertThatThrownBy(source::signingKey).isInstanceOf(EdsException.class);
    }
}
