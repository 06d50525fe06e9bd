package kz.qujat.workstation.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.workstation.StaffSession;
import kz.qujat.workstation.TestContexts;
import kz.qujat.workstation.UserSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The certificate is judged before use with the real certs-dev keys and trust; the password is cleared. */
class LoginViewModelTest {
    @TempDir
    Path data;
    private final List<StaffSession> sessions = new ArrayList<>();

    private LoginViewModel model(String keyFile) {
        return model(keyFile, "http://localhost:9");
    }

    private LoginViewModel model(String keyFile, String central) {
        LoginViewModel m = new LoginViewModel(TestContexts.app(data, central), sessions::add);
        m.keyFileProperty().set(DevIdentities.file(keyFile));
        return m;
    }

    @Test
    void aGoodKeyShowsItsCertificateAndIsRemembered() {
        LoginViewModel m = model("officer-astana.p12");
        char[] password = DevIdentities.PASSWORD.toCharArray();
        m.showCertificate(password);
        assertThat(password).containsOnly('\0');
        assertThat(m.verdictProperty().get()).isEqualTo(CertificateJudge.Verdict.OK);
        assertThat(m.cardProperty().get().iin()).isEqualTo("850314312017");
        assertThat(m.cardProperty().get().owner()).isEqualTo("ЖАКСЫБЕКОВ АРМАН");
        assertThat(m.cardProperty().get().issuer()).contains("Intermediate");
        assertThat(m.canLogInBinding().get()).isTrue();
        assertThat(new UserSettings(data).get(UserSettings.KEY_FILE)).get().asString().endsWith("officer-astana.p12");
    }

    @Test
    void anEmptyPasswordAsksForThePasswordAndAnotherFileClearsTheOldError() {
        LoginViewModel m = model("officer-astana.p12");
        m.showCertificate(new char[0]);
        assertThat(m.messageProperty().get()).isEqualTo("Enter the password of the key.");
        m.showCertificate("wrong".toCharArray());
        assertThat(m.messageProperty().get()).isEqualTo("Wrong password for this key file. Try again.");
        m.keyFileProperty().set(DevIdentities.file("supervisor.p12"));
        assertThat(m.messageProperty().get()).isEmpty();
    }

    @Test
    void aWrongPasswordSaysSoAndAllowsAnotherTry() {
        LoginViewModel m = model("officer-astana.p12");
        m.showCertificate("wrong".toCharArray());
        assertThat(m.messageProperty().get()).isEqualTo("Wrong password for this key file. Try again.");
        assertThat(m.canLogInBinding().get()).isFalse();
        assertThat(m.busyProperty().get()).isFalse();
        m.showCertificate(DevIdentities.PASSWORD.toCharArray());
        assertThat(m.canLogInBinding().get()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"officer-expired.p12, EXPIRED, expired", "officer-revoked.p12, REVOKED, revoked",
        "officer-untrusted.p12, UNTRUSTED, trusted", "central-service.p12, WRONG_PURPOSE, no key for logging in"})
    void anUnusableCertificateIsNamedWithItsReason(String file, CertificateJudge.Verdict verdict, String words) {
        LoginViewModel m = model(file);
        m.showCertificate(DevIdentities.PASSWORD.toCharArray());
        if (verdict != CertificateJudge.Verdict.WRONG_PURPOSE) {
            assertThat(m.verdictProperty().get()).isEqualTo(verdict);
        }
        assertThat(m.messageProperty().get()).contains(words);
        assertThat(m.canLogInBinding().get()).isFalse();
        m.logIn();
        assertThat(sessions).isEmpty();
    }

    /** Enter in the password field (issue 11): a fine certificate logs in at once, no second Enter. */
    @ParameterizedTest
    @CsvSource({"officer-astana.p12, 850314312017", "officer-gost.p12, 840519389088"})
    void enterWithAFineCertificateLogsInAtOnce(String file, String iin) throws Exception {
        try (TestCentral central = new TestCentral()) {
            LoginViewModel m = model(file, central.url());
            char[] password = DevIdentities.PASSWORD.toCharArray();
            m.showCertificateAndLogIn(password);
            assertThat(password).containsOnly('\0');
            assertThat(sessions).as(m.messageProperty().get()).hasSize(1);
            assertThat(sessions.get(0).staffIin()).isEqualTo(iin);
        }
    }

    @Test
    void enterWithAnUnusableCertificateShowsWhyAndDoesNotLogIn() {
        LoginViewModel m = model("officer-expired.p12");
        m.showCertificateAndLogIn(DevIdentities.PASSWORD.toCharArray());
        assertThat(m.verdictProperty().get()).isEqualTo(CertificateJudge.Verdict.EXPIRED);
        assertThat(m.cardProperty().get()).isNotNull();
        assertThat(m.messageProperty().get()).contains("expired");
        assertThat(m.busyProperty().get()).isFalse();
        assertThat(sessions).isEmpty();
    }

    @Test
    void enterWithNothingTypedAsksForThePasswordAndAWrongOneSaysSo() {
        LoginViewModel m = model("officer-astana.p12");
        m.showCertificateAndLogIn(new char[0]);
        assertThat(m.messageProperty().get()).isEqualTo("Enter the password of the key.");
        m.showCertificateAndLogIn("wrong".toCharArray());
        assertThat(m.messageProperty().get()).isEqualTo("Wrong password for this key file. Try again.");
        assertThat(sessions).isEmpty();
    }
}
