package kz.qujat.workstation.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.qujat.api.SessionResponse;
import kz.qujat.client.StaffClient;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.KeySource;
import kz.qujat.eds.Pkcs11Config;
import kz.qujat.eds.TokenInfo;
import kz.qujat.testsupport.SoftHsm;
import kz.qujat.workstation.AppContext;
import kz.qujat.workstation.KeyOrigin;
import kz.qujat.workstation.StaffSession;
import kz.qujat.workstation.StatusModel;
import kz.qujat.workstation.TestContexts;
import kz.qujat.workstation.UserSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token login against a real SoftHSM2 token: listing, certificates, wrong PIN and what the token reports. */
class TokenLoginViewModelTest {
    @TempDir
    Path data;
    private final List<StaffSession> sessions = new ArrayList<>();

    private LoginViewModel model() {
        LoginViewModel m = new LoginViewModel(TestContexts.app(data, "http://localhost:9"), sessions::add);
        m.methodProperty().set(LoginViewModel.Method.TOKEN);
        m.tokens().libraryProperty().set(SoftHsm.library());
        return m;
    }

    private static TokenInfo pick(LoginViewModel m, String label) {
        return m.tokens().tokens().stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void findsTheTokensThenListsTheCertificatesAfterThePinAndRemembersTheChoice() {
        LoginViewModel m = model();
        m.findTokens();
        assertThat(m.tokens().tokens()).extracting(TokenInfo::label).contains("officer-rsa", "officer-ec");
        m.tokens().tokenProperty().set(pick(m, "officer-ec"));
        char[] pin = SoftHsm.PIN.toCharArray();
        m.showCertificate(pin);
        assertThat(pin).containsOnly('\0');
        assertThat(m.messageProperty().get()).isEqualTo("The certificate can be used. Check that it is yours, then log in.");
        assertThat(m.verdictProperty().get()).isEqualTo(CertificateJudge.Verdict.OK);
        assertThat(m.cardProperty().get().iin()).isEqualTo(SoftHsm.OFFICER_IIN);
        assertThat(m.cardProperty().get().issuer()).contains("Intermediate");
        assertThat(m.tokenCertificates()).extracting(LoginViewModel.TokenCertificate::purposeKey)
                .containsExactlyInAnyOrder("login.token.purpose.authentication", "login.token.purpose.signing");
        assertThat(m.canLogInBinding().get()).isTrue();

        UserSettings settings = new UserSettings(data);
        assertThat(settings.get(UserSettings.LOGIN_METHOD)).contains("TOKEN");
        assertThat(settings.get(UserSettings.TOKEN_LABEL)).contains("officer-ec");
        LoginViewModel again = new LoginViewModel(TestContexts.app(data, "http://localhost:9"), sessions::add);
        assertThat(again.methodProperty().get()).isEqualTo(LoginViewModel.Method.TOKEN);
        assertThat(again.tokens().libraryProperty().get()).isEqualTo(SoftHsm.library());
        again.findTokens();
        assertThat(again.tokens().tokenProperty().get().label()).as("the token used last is chosen").isEqualTo("officer-ec");
    }

    @Test
    void aWrongPinSaysSoWithWhatTheTokenReportsAndAllowsAnotherTry() throws Exception {
        LoginViewModel m = model();
        m.findTokens();
        TokenInfo token = pick(m, "officer-rsa");
        m.tokens().tokenProperty().set(token);
        char[] wrong = "0000".toCharArray();
        m.showCertificate(wrong);
        assertThat(wrong).containsOnly('\0');
        // SoftHSM2 raises CKF_USER_PIN_COUNT_LOW after a wrong PIN (it never reports FINAL_TRY or LOCKED)
        TokenInfo after = TokenInfo.list(SoftHsm.library()).stream().filter(t -> t.slot() == token.slot())
                .findFirst().orElseThrow();
        assertThat(after.pinCountLow()).isTrue();
        assertThat(m.messageProperty().get())
                .isEqualTo("Wrong PIN. The token says few attempts are left before the PIN locks.");
        assertThat(m.canLogInBinding().get()).isFalse();
        assertThat(m.busyProperty().get()).isFalse();

        m.showCertificate(SoftHsm.PIN.toCharArray());
        assertThat(m.canLogInBinding().get()).isTrue();
        // a good PIN resets the counter, as the token says
        assertThat(TokenChoice.pinState(SoftHsm.library(), token.slot())).isEqualTo(TokenChoice.PinState.OK);
    }

    @Test
    void theFinalTryAndALockedPinAreNamedAsTheTokenReportsThem() {
        LoginViewModel m = model();
        assertThat(TokenChoice.pinState(new TokenInfo(1, "t", "s", true, true, false)))
                .isEqualTo(TokenChoice.PinState.FINAL_TRY);
        assertThat(TokenChoice.pinState(new TokenInfo(1, "t", "s", true, false, true)))
                .isEqualTo(TokenChoice.PinState.LOCKED);
        m.tokens().tokens().setAll(new TokenInfo(7, "worn", "s1", true, true, false),
                new TokenInfo(8, "locked", "s2", false, false, true));
        m.tokens().tokenProperty().set(m.tokens().tokens().get(0));
        assertThat(m.messageProperty().get()).isEqualTo("Careful: this is the final PIN attempt; a wrong PIN locks the token.");
        m.tokens().tokenProperty().set(m.tokens().tokens().get(1));
        assertThat(m.messageProperty().get()).startsWith("The token PIN is locked.");
    }

    @Test
    void aMissingOrWrongLibraryOrNoTokenChosenIsSaidPlainly() throws Exception {
        LoginViewModel m = model();
        m.tokens().libraryProperty().set(data.resolve("no-such-pkcs11.so"));
        m.findTokens();
        assertThat(m.messageProperty().get()).startsWith("The PKCS#11 library was not found");

        Path notALibrary = Files.writeString(data.resolve("not-a-library.so"), "not an ELF file");
        m.tokens().libraryProperty().set(notALibrary);
        m.findTokens();
        assertThat(m.messageProperty().get()).startsWith("This file cannot be used as a PKCS#11 library");
        assertThat(m.busyProperty().get()).isFalse();

        m.tokens().libraryProperty().set(SoftHsm.library());
        char[] pin = SoftHsm.PIN.toCharArray();
        m.showCertificate(pin);
        assertThat(pin).containsOnly('\0');
        assertThat(m.messageProperty().get()).isEqualTo("Find and choose your token first.");
    }

    @Test
    void aTokenGoneDuringTheSessionEndsItWithAClearMessage() {
        AppContext app = TestContexts.app(data, "http://localhost:9");
        SoftHsm.library();
        // a slot that held a token at login and holds none now: what a pulled-out token looks like to PKCS#11
        KeyOrigin gone = new KeyOrigin.Token(new Pkcs11Config(SoftHsm.library(), 987_654L, null, null, null), "pulled");
        StaffSession session = new StaffSession(new StaffClient(app.config().centralUrl()),
                new SessionResponse("t", TestContexts.NOW.plusSeconds(3600), "OFFICER", "ASTANA", null,
                        new SessionResponse.Staff(SoftHsm.OFFICER_IIN, "ЖАКСЫБЕКОВ АРМАН")), gone);
        List<String> shown = new ArrayList<>();
        var scope = TestContexts.scope(app, session, new StatusModel(app.i18n()), shown);
        EdsException e = (EdsException) org.assertj.core.api.Assertions.catchThrowable(() -> {
            try (KeySource keys = session.keys().open(SoftHsm.PIN.toCharArray(), app.trust())) {
                keys.signingKey();
            }
        });
        assertThat(e.kind()).isEqualTo(EdsException.Kind.TOKEN_REMOVED);
        assertThat(scope.failed(e).in(app.i18n())).startsWith("The key token was removed or stopped answering.");
        assertThat(shown).containsExactly("session.tokenRemoved");
    }

    @Test
    void theTokenIsOpenedAgainWithThePinForEachUseAndItsKeysStayOnIt() throws Exception {
        AppContext app = TestContexts.app(data, "http://localhost:9");
        KeyOrigin token = new KeyOrigin.Token(SoftHsm.tokens().ec().config(), "officer-ec");
        try (KeySource keys = token.open(SoftHsm.PIN.toCharArray(), app.trust())) {
            assertThat(keys.signingKey().certificate()).isEqualTo(SoftHsm.tokens().ec().signing());
            assertThat(keys.signingKey().privateKey().getEncoded()).as("never leaves the token").isNull();
        }
        assertThatThrownBy(() -> token.open("9999".toCharArray(), app.trust()))
                .isInstanceOfSatisfying(EdsException.class,
                        e -> assertThat(e.kind()).isEqualTo(EdsException.Kind.WRONG_PASSWORD));
        try (KeySource keys = token.open(SoftHsm.PIN.toCharArray(), app.trust())) {
            assertThat(keys.authenticationKey()).isNotNull();
        }
    }
}
