package kz.qujat.workstation.ui;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.testsupport.DevIdentities;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The officer's main path through the real window (headless Monocle) against a real central service:
 * log in with the EDS, take the next application, approve or annul it with a signature, and a decision
 * made while the central service is down is delivered from the outbox once it is back.
 */
class OfficerUiTest extends FxRobot {
    private static final long WAIT_SECONDS = 60;
    private static CentralForUi central;

    @TempDir
    Path data;
    private javafx.application.Application app;

    @BeforeAll
    static void startCentral() throws Exception {
        central = new CentralForUi(77);
    }

    @AfterAll
    static void stopCentral() {
        central.close();
    }

    @BeforeEach
    void openWorkstation() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("settings.properties"),
                UserSettings.KEY_FILE + "=" + DevIdentities.file("officer-astana.p12").toAbsolutePath().toString()
                        .replace("\\", "\\\\") + "\n" + UserSettings.OPEN_NEXT + "=false\n" + UserSettings.LANGUAGE + "=en\n");
        WorkstationConfig config = new WorkstationConfig(central.url(), data, DevIdentities.file("trust"),
                Duration.ofMinutes(30), I18n.ENGLISH, Duration.ofMillis(500), Duration.ofSeconds(5));
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
    void officerLogsInTakesNextAndApprovesWithSignature() throws Exception {
        UUID id = central.submit();
        logIn();
        takeNext();
        clickOn("#approve");
        waitFor(() -> lookup("#signPanel").query().isVisible());
        assertThat(text("#signedDocument")).contains("\"decision\":\"APPROVE\"").contains(id.toString());
        assertThat(text("#signOfficer")).contains("850314312017");
        clickOn("#signPassword").write(DevIdentities.PASSWORD).type(KeyCode.ENTER);

        waitFor(() -> "APPROVED".equals(central.detail(id).status()));
        waitFor(() -> text("#statusMessage").contains("approved"));
    }

    @Test
    void officerAnnulsWithReasonAndTheRequiredComment() throws Exception {
        UUID id = central.submit();
        switchLanguage(I18n.RUSSIAN, "Войти");
        switchLanguage(I18n.ENGLISH, "Log in");
        logIn();
        takeNext();
        clickOn("#annul");
        waitFor(() -> lookup("#annulPanel").query().isVisible());
        interact(() -> lookup("#annulReason").<javafx.scene.control.ComboBox<AnnulmentReason>>query()
                .setValue(AnnulmentReason.FURTHER_VERIFICATION));
        assertThat(lookup("#annulContinue").queryAs(Button.class).isDisabled()).as("comment is required").isTrue();
        clickOn("#annulComment").write("Register photo differs, invite for an interview");
        clickOn("#annulContinue");
        waitFor(() -> lookup("#signPanel").query().isVisible());
        assertThat(text("#signedDocument")).contains("\"reason\":\"FURTHER_VERIFICATION\"");
        clickOn("#signPassword").write(DevIdentities.PASSWORD).type(KeyCode.ENTER);

        waitFor(() -> "ANNULLED".equals(central.detail(id).status()));
    }

    @Test
    void aDecisionMadeWhileCentralIsDownIsDeliveredWhenItReturns() throws Exception {
        UUID id = central.submit();
        logIn();
        takeNext();
        central.stop();
        try {
            clickOn("#approve");
            waitFor(() -> lookup("#signPanel").query().isVisible());
            clickOn("#signPassword").write(DevIdentities.PASSWORD).type(KeyCode.ENTER);
            waitFor(() -> lookup("#outboxStatus").query().isVisible() && text("#outboxStatus").endsWith(": 1"));
            assertThat(Files.list(data.resolve("outbox/pending"))).hasSize(1);
        } finally {
            central.start();
        }
        waitFor(() -> "APPROVED".equals(central.detail(id).status()));
        waitFor(() -> !lookup("#outboxStatus").query().isVisible());
        assertThat(Files.list(data.resolve("outbox/pending"))).isEmpty();
        assertThat(Files.list(data.resolve("outbox/delivered"))).hasSize(1);
    }

    /** The language changes while the window is open; every view is built again in it. */
    private void switchLanguage(java.util.Locale to, String logInText) throws TimeoutException {
        interact(() -> lookup("#language").<javafx.scene.control.ComboBox<java.util.Locale>>query().setValue(to));
        waitFor(() -> lookup("#logIn").queryAs(Button.class).getText().equals(logInText));
    }

    private void logIn() throws TimeoutException {
        waitFor(() -> lookup("#password").tryQuery().isPresent());
        clickOn("#password").write(DevIdentities.PASSWORD).type(KeyCode.ENTER);
        waitFor(() -> lookup("#certificateCard").query().isVisible() && !lookup("#logIn").queryAs(Button.class).isDisabled());
        assertThat(text("#certIin")).isEqualTo("850314312017");
        clickOn("#logIn");
        waitFor(() -> lookup("#queueTable").tryQuery().map(Node::isVisible).orElse(false));
    }

    private void takeNext() throws TimeoutException {
        waitFor(() -> !lookup("#queueTable").queryAs(TableView.class).getItems().isEmpty());
        clickOn("#queueTable").type(KeyCode.ENTER);
        waitFor(() -> lookup("#reviewTicket").tryQuery().map(n -> !((Labeled) n).getText().isEmpty()).orElse(false)
                && !lookup("#approve").queryAs(Button.class).isDisabled());
    }

    private String text(String query) {
        Node n = lookup(query).query();
        if (n instanceof Labeled l) {
            return l.getText();
        }
        return ((javafx.scene.control.TextInputControl) n).getText();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (Exception notYet) {
                return false;
            }
        });
    }
}
