package kz.qujat.workstation.ui;

import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import kz.qujat.api.Json;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.VerificationResult;
import kz.qujat.testsupport.SoftHsm;
import kz.qujat.testsupport.Requires;
import kz.qujat.workstation.AppContext;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.UserSettings;
import kz.qujat.workstation.WorkstationApp;
import kz.qujat.workstation.WorkstationConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The officer logs in with a real SoftHSM2 token (keys generated on it, certificates from the dev CA for the
 * Astana officer of the staff directory), takes the next application and approves it with the token's signing
 * key through the real window. With {@code -Dqujat.screenshots=DIR} the token login is saved as a picture.
 */
class TokenUiTest extends FxRobot {
    private static final long WAIT_SECONDS = 60;
    private static TestCentral central;

    @TempDir
    Path data;
    private javafx.application.Application app;

    @BeforeAll
    static void startCentral() throws Exception {
        Requires.javafxText();
        SoftHsm.requireSoftHsm();
        central = new TestCentral(78);
    }

    @AfterAll
    static void stopCentral() {
        if (central != null) {
            central.close();
        }
    }

    @BeforeEach
    void openWorkstation() throws Exception {
        Path library = SoftHsm.library();
        Files.writeString(data.resolve("settings.properties"), UserSettings.LOGIN_METHOD + "=TOKEN\n"
                + UserSettings.TOKEN_LABEL + "=officer-rsa\n" + UserSettings.OPEN_NEXT + "=false\n"
                + UserSettings.LANGUAGE + "=en\n");
        WorkstationConfig config = new WorkstationConfig(central.url(), data, DevIdentities.file("trust"),
                Duration.ofMinutes(30), I18n.ENGLISH, Duration.ofMillis(500), Duration.ofSeconds(5),
                java.util.List.of(library));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new WorkstationApp(
                () -> new AppContext(config, BackgroundTask.forFx(), TestClock.live())));
    }

    @AfterEach
    void closeWorkstation() throws TimeoutException {
        // stop() ends the session's timers and the outbox's retries, so nothing ticks into the next test
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void officerLogsInWithTheTokenAndApprovesWithItsSigningKey() throws Exception {
        UUID id = central.submit();
        waitFor(() -> lookup("#findTokens").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#findTokens");
        waitFor(() -> lookup("#token").<javafx.scene.control.ComboBox<kz.qujat.eds.TokenInfo>>query().getValue() != null);
        clickOn("#password").write("0000").type(KeyCode.ENTER);
        waitFor(() -> text("#loginMessage").startsWith("Wrong PIN"));
        // "Show certificate" (Enter would log in at once): the token's card is looked at before logging in
        clickOn("#password").write(SoftHsm.PIN);
        clickOn("#showCertificate");
        waitFor(() -> lookup("#certificateCard").query().isVisible() && !lookup("#logIn").queryAs(Button.class).isDisabled());
        assertThat(text("#certIin")).isEqualTo(SoftHsm.OFFICER_IIN);
        assertThat(lookup("#tokenCertificates").query().isVisible()).isTrue();
        screenshot("login-token.png");
        clickOn("#logIn");
        waitFor(() -> lookup("#queueTable").tryQuery().map(Node::isVisible).orElse(false));

        waitFor(() -> !lookup("#queueTable").queryAs(TableView.class).getItems().isEmpty());
        clickOn("#queueTable").type(KeyCode.ENTER);
        waitFor(() -> lookup("#reviewTicket").tryQuery().map(n -> !((Labeled) n).getText().isEmpty()).orElse(false)
                && !lookup("#approve").queryAs(Button.class).isDisabled());
        clickOn("#approve");
        waitFor(() -> lookup("#signPanel").query().isVisible());
        clickOn("#signPassword").write(SoftHsm.PIN).type(KeyCode.ENTER);
        try {
            waitFor(() -> "APPROVED".equals(central.detail(id).status()));
        } catch (TimeoutException e) {
            throw new AssertionError("not approved; the screen says: " + text("#signMessage") + " / "
                    + text("#reviewMessage"), e);
        }

        // the decision in the outbox was signed on the token with its signing key
        Path delivered;
        try (var files = Files.list(data.resolve("outbox/delivered"))) {
            delivered = files.findFirst().orElseThrow();
        }
        JsonNode entry = Json.mapper().readTree(delivered.toFile());
        Base64.Decoder b64 = Base64.getDecoder();
        VerificationResult r = new CmsVerifier(TrustConfig.load(DevIdentities.file("trust")), TestClock.live())
                .verifyDetached(b64.decode(entry.get("cms").asText()),
                b64.decode(entry.get("document").asText()), KeyPurpose.SIGNING);
        assertThat(r.valid()).as(r.reason()).isTrue();
        assertThat(r.signer()).isEqualTo(SoftHsm.tokens().rsa().signing());
    }

    /** Saves the window as a PNG when a folder is named (for the README), with JavaFX's own snapshot. */
    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("qujat.screenshots");
        if (dir == null) {
            return;
        }
        WritableImage[] image = new WritableImage[1];
        interact(() -> image[0] = listWindows().get(0).getScene().snapshot(null));
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

    private String text(String query) {
        return ((Labeled) lookup(query).query()).getText();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        kz.qujat.testsupport.FxAwait.until(java.time.Duration.ofSeconds(WAIT_SECONDS), condition);
    }
}
