package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.SoftHsm;
import kz.qujat.testsupport.SoftHsm.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PKCS#11 key source against real SoftHSM2 tokens whose keys were generated on the token. */
class Pkcs11KeySourceTest {
    private static final byte[] CONTENT = "decision: approve".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void signsOnRsaAndEcTokensAndTheSignatureVerifiesWithTheChainBuiltFromTrust() throws Exception {
        for (Token token : List.of(SoftHsm.tokens().rsa(), SoftHsm.tokens().ec())) {
            try (Pkcs11KeySource source = Pkcs11KeySource.open(token.config(), SoftHsm.PIN.toCharArray(), DevIdentities.trust())) {
                SigningKey key = source.signingKey();
                assertThat(key.certificate()).isEqualTo(token.signing());
                assertThat(key.provider().getName()).startsWith("SunPKCS11");
                assertThat(key.privateKey().getEncoded()).as("the key never leaves the token").isNull();
                assertThat(key.chain()).hasSize(2);
                assertThat(key.chain().get(1).getSubjectX500Principal().getName()).contains("Intermediate");

                byte[] cms = CmsSigner.signDetached(key, CONTENT);
                VerificationResult r = DevIdentities.verifier().verifyDetached(cms, CONTENT, KeyPurpose.SIGNING);
                assertThat(r.valid()).as(token.label() + ": " + r.reason()).isTrue();
                assertThat(r.profile().iin()).isEqualTo(SoftHsm.OFFICER_IIN);

                SigningKey auth = source.authenticationKey();
                assertThat(auth.certificate()).isEqualTo(token.authentication());
                byte[] nonce = "login-challenge-nonce".getBytes(StandardCharsets.UTF_8);
                VerificationResult login = DevIdentities.verifier().verifyAttached(CmsSigner.signAttached(auth, nonce),
                        KeyPurpose.AUTHENTICATION);
                assertThat(login.valid()).as(login.reason()).isTrue();
                assertThat(login.content()).isEqualTo(nonce);
            }
        }
    }

    @Test
    void listsTokensWithLabelsThenTheCertificatesAfterLoginFromAConfigFile() throws Exception {
        Token token = SoftHsm.tokens().ec();
        List<TokenInfo> tokens = TokenInfo.list(SoftHsm.library());
        assertThat(tokens).extracting(TokenInfo::label).contains("officer-rsa", "officer-ec");
        TokenInfo info = TokenInfo.of(token.config());
        assertThat(info.label()).isEqualTo("officer-ec");
        assertThat(info.pinLocked()).isFalse();

        Pkcs11Config config = Pkcs11Config.load(token.writeConfig(dir.resolve("token.cfg")));
        try (Pkcs11KeySource source = Pkcs11KeySource.open(config, SoftHsm.PIN.toCharArray(), DevIdentities.trust())) {
            assertThat(source.keys()).extracting(SigningKey::certificate)
                    .containsExactlyInAnyOrder(token.authentication(), token.signing());
        }
    }

    @Test
    void repeatedWrongPinsMakeTheTokenReportThatThePinIsAboutToLock() throws Exception {
        SoftHsm.Token token = SoftHsm.lockTestToken();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> Pkcs11KeySource.open(token.config(), "0000".toCharArray(), DevIdentities.trust()))
                    .isInstanceOfSatisfying(EdsException.class,
                            e -> assertThat(e.kind()).isEqualTo(EdsException.Kind.WRONG_PASSWORD));
        }
        assertThat(TokenInfo.of(token.config()).pinAboutToLock()).isTrue();
    }

    @Test
    void wrongPinIsReportedAsWrongPassword() {
        Token token = SoftHsm.tokens().rsa();
        assertThatThrownBy(() -> Pkcs11KeySource.open(token.config(), "0000".toCharArray(), DevIdentities.trust()))
                .isInstanceOfSatisfying(EdsException.class,
                        e -> assertThat(e.kind()).isEqualTo(EdsException.Kind.WRONG_PASSWORD));
    }

    @Test
    void aMissingModuleOrSlotOrProviderIsAClearError() throws Exception {
        Path library = SoftHsm.library();
        char[] pin = SoftHsm.PIN.toCharArray();
        assertThatThrownBy(() -> Pkcs11KeySource.open(Pkcs11Config.of(dir.resolve("nope.so"), 0), pin, DevIdentities.trust()))
                .isInstanceOf(EdsException.class);
        assertThatThrownBy(() -> Pkcs11KeySource.open(new Pkcs11Config(library, 999_999L, null, null, null),
                pin, DevIdentities.trust())).isInstanceOfSatisfying(EdsException.class,
                        e -> assertThat(e.kind()).isEqualTo(EdsException.Kind.TOKEN_REMOVED));
        assertThatThrownBy(() -> Pkcs11KeySource.open(new Pkcs11Config(null, null, null, "NoSuchGost", "GOST"),
                pin, DevIdentities.trust()))
                .isInstanceOfSatisfying(EdsException.class, e -> assertThat(e.getMessage()).contains("NoSuchGost"));
        Path typo = Files.writeString(dir.resolve("typo.cfg"), "library=/x.so\nslotListIdx=1\n");
        assertThatThrownBy(() -> Pkcs11Config.load(typo)).hasMessageContaining("slotListIdx");
    }

    @Test
    void afterCloseTheTokenKeyNoLongerSigns() throws Exception {
        SigningKey key;
        try (Pkcs11KeySource source = Pkcs11KeySource.open(SoftHsm.tokens().ec().config(), SoftHsm.PIN.toCharArray(),
                DevIdentities.trust())) {
            key = source.signingKey();
        }
        SigningKey loggedOut = key;
        assertThatThrownBy(() -> CmsSigner.signDetached(loggedOut, CONTENT)).isInstanceOf(EdsException.class);
    }
}
