package kz.qujat.workstation.ui;

import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import kz.qujat.testsupport.Requires;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import kz.qujat.domain.AnnulmentReason;
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
 * The officer's main path through the real window (headless Monocle) against a real central service:
 * log in with the EDS, take the next application, approve or annul it with a signature, and a decision
 * made while the central service is down is delivered from the outbox once it is back.
 */
class OfficerUiTest extends FxRobot {
    private static final long WAIT_SECONDS = 60;
    private static TestCentral central;

    @TempDir
    Path data;
    private javafx.application.Application app;
    private AppContext context;

    @BeforeAll
    static void startCentral() throws Exception {
        Requires.javafxText();
        central = new TestCentral(77);
    }

    @AfterAll
    static void stopCentral() {
        if (central != null) {
            central.close();
        }
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
        context = new AppContext(config, BackgroundTask.forFx(), TestClock.live());
        app = FxToolkit.setupApplication(() -> new WorkstationApp(() -> context));
    }

    @AfterEach
    void closeWorkstation() throws TimeoutException {
        // stop() ends the session's timers and the outbox's retries, so nothing ticks into the next test
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void fromTheQueueApprovingTheNextTakesThreeKeysPlusThePassword() throws Exception {
        UUID id = central.submit();
        logIn();
        waitFor(() -> !lookup("#queueTable").queryAs(TableView.class).getItems().isEmpty());
        // the screen opened with the keyboard on the queue, not on the language box
        assertThat(focusOwner()).isSameAs(lookup("#queueTable").query());
        KeyCount keys = new KeyCount(lookup("#queueTable").query().getScene());

        type(KeyCode.ENTER);
        waitFor(() -> lookup("#reviewTicket").tryQuery().map(n -> !((Labeled) n).getText().isEmpty()).orElse(false)
                && !lookup("#approve").queryAs(Button.class).isDisabled());
        type(KeyCode.A);
        waitFor(() -> lookup("#signPanel").query().isVisible());
        // the decision in words first, the canonical document folded away under its disclosure
        assertThat(text("#signDecision")).isEqualTo(app().i18n().get("review.sign.summary.approve"));
        assertThat(text("#signTicket")).isEqualTo(central.detail(id).ticketNumber());
        assertThat(text("#signApplicant")).isNotBlank();
        assertThat(lookup("#signPhoto").queryAs(javafx.scene.image.ImageView.class).getImage()).isNotNull();
        assertThat(lookup("#signSignature").queryAs(javafx.scene.image.ImageView.class).getImage()).isNotNull();
        assertThat(lookup("#signDocumentPane").queryAs(javafx.scene.control.TitledPane.class).isExpanded()).isFalse();
        assertThat(text("#signedDocument")).contains("\"decision\":\"APPROVE\"").contains(id.toString());
        assertThat(lookup("#signFailed").query().isVisible()).as("no check failed on this application").isFalse();
        assertThat(text("#signOfficer")).contains("850314312017");
        waitFor(() -> focusOwner() == lookup("#signPassword").query());
        write(DevIdentities.PASSWORD).type(KeyCode.ENTER);

        waitFor(() -> "APPROVED".equals(central.detail(id).status()));
        try {
            waitFor(() -> text("#statusMessage").contains("approved"));
        } catch (TimeoutException e) {
            assertThat(text("#statusMessage")).as("status line").contains("approved");
        }
        assertThat(keys.count()).as("keys other than the password's").isEqualTo(3);
    }

    @Test
    void officerAnnulsByKeysWithReasonAndTheRequiredComment() throws Exception {
        UUID id = central.submit();
        switchLanguage(I18n.RUSSIAN, "Войти");
        switchLanguage(I18n.ENGLISH, "Log in");
        logIn();
        takeNext();
        type(KeyCode.N);
        waitFor(() -> lookup("#annulPanel").query().isVisible());
        type(KeyCode.DIGIT3);
        assertThat(lookup("#annulReason-FURTHER_VERIFICATION").queryAs(javafx.scene.control.RadioButton.class)
                .isSelected()).isTrue();
        // this reason needs a comment: the keyboard is already in the comment box
        waitFor(() -> focusOwner() == lookup("#annulComment").query());
        assertThat(lookup("#annulContinue").queryAs(Button.class).isDisabled()).as("comment is required").isTrue();
        write("Register photo differs, invite for an interview");
        type(KeyCode.TAB);
        assertThat(focusOwner()).as("Tab leaves the comment box").isSameAs(lookup("#annulContinue").query());
        assertThat(text("#annulComment")).doesNotContain("\t");
        type(KeyCode.ENTER);
        waitFor(() -> lookup("#signPanel").query().isVisible());
        assertThat(text("#signReason")).isEqualTo(app().i18n().get("review.annul.reason.FURTHER_VERIFICATION"));
        assertThat(text("#signComment")).isEqualTo("Register photo differs, invite for an interview");
        assertThat(text("#signedDocument")).contains("\"reason\":\"FURTHER_VERIFICATION\"");
        waitFor(() -> focusOwner() == lookup("#signPassword").query());
        write(DevIdentities.PASSWORD).type(KeyCode.ENTER);

        waitFor(() -> "ANNULLED".equals(central.detail(id).status()));
    }

    @Test
    void approvingOverFailedChecksAsksForAnExplicitConfirmationNamingThem() throws Exception {
        UUID id = central.submitWithPhoto(smallPhoto());
        logIn();
        takeNext();
        java.util.Locale before = app().i18n().locale();
        // arrows walk the checks; they never reach the language box, even after the mouse was on it
        clickOn("#language").type(KeyCode.ESCAPE);
        type(KeyCode.DOWN, 3);
        type(KeyCode.UP);
        assertThat(app().i18n().locale()).isEqualTo(before);
        clickOn("#checks");
        type(KeyCode.A);
        waitFor(() -> lookup("#signPanel").query().isVisible());
        assertThat(lookup("#signFailed").query().isVisible()).isTrue();
        String failedName = lookup("#checks").<TableView<kz.qujat.workstation.review.CheckLine>>query().getItems()
                .stream().filter(l -> l.verdict() == kz.qujat.inspect.Verdict.FAIL).findFirst().orElseThrow().name(app().i18n());
        assertThat(text("#signFailedChecks")).contains(failedName);
        assertThat(lookup("#sign").queryAs(Button.class).isDisabled()).isTrue();
        waitFor(() -> focusOwner() == lookup("#signOverride").query());

        // Esc closes the dialog; the keyboard is back on the checks, never on the language box
        type(KeyCode.ESCAPE);
        waitFor(() -> !lookup("#signPanel").query().isVisible());
        waitFor(() -> focusOwner() == lookup("#checks").query());

        type(KeyCode.A);
        waitFor(() -> lookup("#signPanel").query().isVisible());
        waitFor(() -> focusOwner() == lookup("#signOverride").query());
        clickOn("#signPassword").write(DevIdentities.PASSWORD).type(KeyCode.ENTER);
        assertThat(text("#signMessage")).isEqualTo(app().i18n().get("review.sign.confirmFailed"));
        assertThat(central.detail(id).status()).isNotEqualTo("APPROVED");
        clickOn("#signOverride");
        waitFor(() -> focusOwner() == lookup("#signPassword").query());
        write(DevIdentities.PASSWORD).type(KeyCode.ENTER);
        waitFor(() -> "APPROVED".equals(central.detail(id).status()));
    }

    /** A photo below the minimum resolution (413×531): its resolution check FAILS. */
    private static byte[] smallPhoto() throws java.io.IOException {
        java.awt.image.BufferedImage full = javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(kz.qujat.workstation.TestPhotos.facelessJpeg()));
        java.awt.image.BufferedImage small = new java.awt.image.BufferedImage(300, 386,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = small.createGraphics();
        g.drawImage(full, 0, 0, 300, 386, null);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(small, "jpg", out);
        return out.toByteArray();
    }

    /** Counts the keys pressed in the window, except those typed into a password field. */
    private static final class KeyCount {
        private int count;

        KeyCount(javafx.scene.Scene scene) {
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (!(e.getTarget() instanceof javafx.scene.control.PasswordField)
                        || e.getCode() == KeyCode.ENTER) {
                    count++;
                }
            });
        }

        int count() {
            return count;
        }
    }

    private Node focusOwner() {
        return lookup("#logOut").query().getScene().getFocusOwner();
    }

    private kz.qujat.workstation.AppContext app() {
        return context;
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

    /**
     * Another person's photo than the register's: the review shows DIFFERENT next to the photos with the measured
     * error rates in words, as an aid (the officer may still approve); the annulment's note and the supervisor's
     * log carry what the officer saw.
     */
    @Test
    void theSamePersonCheckIsShownAsAnAidAndTheSupervisorsLogCarriesIt() throws Exception {
        java.nio.file.Path faces = kz.qujat.tools.faceset.SampleFaces.dir();
        kz.qujat.inspect.YuNetFaceFinder finder = new kz.qujat.inspect.YuNetFaceFinder();
        UUID id = central.submitWithPhotos(kz.qujat.tools.faceset.FaceSet.portraitJpeg(faces.resolve("091_03.jpg"), finder),
                kz.qujat.tools.faceset.FaceSet.portraitJpeg(faces.resolve("001_03.jpg"), finder));
        logIn();
        takeNext();
        waitFor(() -> lookup("#samePerson").query().isVisible());
        assertThat(text("#samePersonVerdict")).isEqualTo(app().i18n().get("review.samePerson.different"));
        assertThat(lookup("#samePersonVerdict").query().getStyleClass()).contains("same-person-different");
        assertThat(text("#samePersonDetail")).contains("0.40", "0.55");
        assertThat(text("#samePersonRates")).contains("pairs of photos of two different people");
        assertThat(text("#samePersonAid")).contains("not the decision");
        assertThat(lookup("#approve").queryAs(Button.class).isDisabled()).as("the officer may still approve").isFalse();
        // the panel follows the language switch like every other text of the screen
        interact(() -> app().i18n().localeProperty().set(I18n.RUSSIAN));
        waitFor(() -> text("#samePersonVerdict").equals("Похоже, другой человек"));
        interact(() -> app().i18n().localeProperty().set(I18n.ENGLISH));
        waitFor(() -> text("#samePersonVerdict").equals("Looks like a different person"));

        type(KeyCode.N);
        waitFor(() -> lookup("#annulPanel").query().isVisible());
        type(KeyCode.DIGIT3);
        waitFor(() -> focusOwner() == lookup("#annulComment").query());
        write("Another person than on the card");
        type(KeyCode.ENTER);
        waitFor(() -> focusOwner() == lookup("#signPassword").query());
        write(DevIdentities.PASSWORD).type(KeyCode.ENTER);
        waitFor(() -> "ANNULLED".equals(central.detail(id).status()));
        waitFor(() -> central.storedInspection(id) != null);
        assertThat(kz.qujat.api.SamePersonCheck.within(central.storedInspection(id)).verdict()).isEqualTo("DIFFERENT");
        kz.qujat.api.Annulment logged = central.annulments().stream().filter(a -> a.applicationId().equals(id))
                .findFirst().orElseThrow();
        assertThat(logged.samePerson().verdict()).isEqualTo("DIFFERENT");
        assertThat(logged.samePerson().distance()).isGreaterThan(logged.samePerson().differentAbove());
    }

    /**
     * A language switch builds the review screen again; the view it replaces must become garbage. It did not: the
     * text area of the signed document was bound to the session-long review model, which JavaFX's text controls
     * hold strongly, so every switch kept the old view, the old shell around it and its images (about 12 MB each
     * in the memory bench). TestFX's own record of the window's events, which holds their targets, is switched
     * off first.
     */
    @Test
    void theReviewViewLeftBehindByALanguageSwitchIsCollected() throws Exception {
        central.submit();
        logIn();
        kz.qujat.testsupport.TestFxEvents.stopRecording();
        openFirstByFire();
        java.lang.ref.WeakReference<Node> englishView = new java.lang.ref.WeakReference<>(lookup("#signedDocument").query());
        interact(() -> lookup("#release").queryAs(Button.class).fire());
        waitFor(() -> lookup("#queueTable").tryQuery().map(Node::isVisible).orElse(false));
        interact(() -> lookup("#language").<javafx.scene.control.ComboBox<java.util.Locale>>query().setValue(I18n.RUSSIAN));
        waitFor(() -> I18n.RUSSIAN.equals(app().i18n().locale())
                && lookup("#queueTable").tryQuery().map(Node::isVisible).orElse(false));
        openFirstByFire();
        assertThat(lookup("#signedDocument").<Node>query()).as("the view was built again in Russian")
                .isNotSameAs(englishView.get());

        kz.qujat.testsupport.Await.until(Duration.ofSeconds(20), "the English review view to be collected after the "
                + "switch to Russian (something long-lived still holds it)", () -> {
                    System.gc();
                    return englishView.get() == null;
                });
    }

    /** Takes the queue's first line with the button's own action (no robot event), waits for the review. */
    private void openFirstByFire() throws TimeoutException {
        waitFor(() -> !lookup("#queueTable").queryAs(TableView.class).getItems().isEmpty());
        interact(() -> {
            lookup("#queueTable").queryAs(TableView.class).getSelectionModel().select(0);
            lookup("#takeSelected").queryAs(Button.class).fire();
        });
        waitFor(() -> lookup("#reviewTicket").tryQuery().map(n -> !((Labeled) n).getText().isEmpty()).orElse(false)
                && !lookup("#approve").queryAs(Button.class).isDisabled());
    }

    /** The language changes while the window is open; every view is built again in it. */
    private void switchLanguage(java.util.Locale to, String logInText) throws TimeoutException {
        interact(() -> lookup("#language").<javafx.scene.control.ComboBox<java.util.Locale>>query().setValue(to));
        waitFor(() -> lookup("#logIn").queryAs(Button.class).getText().equals(logInText));
    }

    private void logIn() throws TimeoutException {
        waitFor(() -> lookup("#password").tryQuery().isPresent());
        // Enter in the password field logs in at once when the certificate is fine
        clickOn("#password").write(DevIdentities.PASSWORD).type(KeyCode.ENTER);
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
        kz.qujat.testsupport.FxAwait.until(java.time.Duration.ofSeconds(WAIT_SECONDS), condition);
    }
}
