package kz.qujat.workstation.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.workstation.I18n;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login screen in the real window against a real central service: the certificate card's НУЦ РК rows (BIN,
 * role, key purpose, algorithm) for a GOST key and an RSA key, and Enter in the password field logging in at
 * once when the certificate is fine (one key), or showing why not. With {@code -Dqujat.screenshots=DIR} the card of
 * the GOST officer is saved as {@code login-gost.png}.
 */
class LoginScreenFxTest {
    /** The organisation of the development officers of Astana (OU=BIN… of their certificates). */
    private static final String BIN_ASTANA = "990440000129";
    private static TestCentral central;

    @TempDir
    Path data;
    @TempDir
    Path saves;

    @BeforeAll
    static void startCentral() throws Exception {
        central = new TestCentral();
    }

    @AfterAll
    static void stopCentral() {
        if (central != null) {
            central.close();
        }
    }

    private static void showCard(WorkstationDriver ws) throws Exception {
        ws.robot.clickOn("#password").write(DevIdentities.PASSWORD);
        ws.robot.clickOn("#showCertificate");
        ws.until(() -> ws.robot.lookup("#certificateCard").query().isVisible()
                && !ws.robot.lookup("#logIn").query().isDisabled());
    }

    @Test
    void theCardOfAGostKeyShowsItsBinRolePurposeAndAlgorithmAndEnterThenLogsIn() throws Exception {
        try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "officer-gost", false)) {
            I18n i18n = ws.app.i18n();
            showCard(ws);
            assertThat(ws.text("#certOwner")).isEqualTo("САРСЕНБАЕВ ТИМУР");
            assertThat(ws.text("#certIin")).isEqualTo("840519389088");
            assertThat(ws.text("#certBin")).isEqualTo(BIN_ASTANA);
            assertThat(ws.text("#certRoles")).isEqualTo(i18n.get("login.card.role.employee"));
            assertThat(ws.text("#certPurpose")).isEqualTo(i18n.get("login.card.purpose.gostAuthentication"));
            assertThat(ws.text("#certAlgorithm")).isEqualTo("ГОСТ 34.310-2015, 512 бит");
            assertThat(ws.text("#loginMessage")).isEqualTo(i18n.get("login.ready"));
            screenshot(ws, "login-gost.png");

            // the certificate is shown and fine: Enter in the (now empty) password field logs in with it
            ws.robot.clickOn("#password").type(KeyCode.ENTER);
            ws.until(() -> ws.robot.lookup("#logOut").tryQuery().isPresent());
        }
    }

    @Test
    void theCardOfAnRsaKeyShowsItsBinRoleAndAlgorithmAndNoGostPurpose() throws Exception {
        try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "officer-astana", false)) {
            I18n i18n = ws.app.i18n();
            showCard(ws);
            assertThat(ws.text("#certIin")).isEqualTo("850314312017");
            assertThat(ws.text("#certBin")).isEqualTo(BIN_ASTANA);
            assertThat(ws.text("#certRoles")).isEqualTo(i18n.get("login.card.role.employee"));
            assertThat(ws.text("#certPurpose")).as("a development RSA key carries no НУЦ РК purpose policy")
                    .isEqualTo("—");
            assertThat(ws.text("#certAlgorithm")).isEqualTo("RSA");
        }
    }

    @Test
    void enterInThePasswordFieldLogsInAtOnceWhenTheCertificateIsFine() throws Exception {
        try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "officer-astana", false)) {
            ws.robot.clickOn("#password").write(DevIdentities.PASSWORD).type(KeyCode.ENTER);
            ws.until(() -> ws.robot.lookup("#logOut").tryQuery().isPresent());
        }
    }

    @Test
    void enterWithAnExpiredCertificateShowsItAndWhyWithoutLoggingIn() throws Exception {
        try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "officer-expired", false)) {
            String expired = ws.app.i18n().get("login.verdict.EXPIRED");
            ws.robot.clickOn("#password").write(DevIdentities.PASSWORD).type(KeyCode.ENTER);
            ws.until(() -> expired.equals(ws.text("#loginMessage")));
            assertThat(ws.robot.lookup("#certificateCard").query().isVisible()).isTrue();
            assertThat(ws.robot.lookup("#logIn").query().isDisabled()).isTrue();
            assertThat(ws.robot.lookup("#logOut").tryQuery()).isEmpty();
            // Enter again with nothing typed does not log in either: it asks for the password
            ws.robot.type(KeyCode.ENTER);
            String empty = ws.app.i18n().get("login.error.emptyPassword");
            ws.until(() -> empty.equals(ws.text("#loginMessage")));
            assertThat(ws.robot.lookup("#logOut").tryQuery()).isEmpty();
        }
    }

    /** Saves the window as a PNG when {@code -Dqujat.screenshots=DIR} names a folder (for the README). */
    private static void screenshot(WorkstationDriver ws, String name) throws Exception {
        String dir = System.getProperty("qujat.screenshots");
        if (dir == null) {
            return;
        }
        WritableImage[] image = new WritableImage[1];
        ws.robot.interact(() -> image[0] = ws.robot.listWindows().get(0).getScene().snapshot(null));
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image[0].getPixelReader().getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", Files.createDirectories(Path.of(dir)).resolve(name).toFile());
    }
}
