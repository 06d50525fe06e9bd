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
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import kz.qujat.inspect.Verdict;
import kz.qujat.workstation.AppContext;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.TestPhotos;
import kz.qujat.workstation.UserSettings;
import kz.qujat.workstation.WorkstationApp;
import kz.qujat.workstation.WorkstationConfig;
import kz.qujat.workstation.review.CheckLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The officer marks the face by hand on a photo where the detector finds none (real window, headless
 * Monocle, real central service): the geometry checks become measured and the central service stores
 * {@code "facePoints":"MANUAL"} with the approval.
 */
class ManualPointsUiTest extends FxRobot {
    private static final long WAIT_SECONDS = 60;
    private static TestCentral central;

    @TempDir
    Path data;
    private javafx.application.Application app;

    @BeforeAll
    static void startCentral() throws Exception {
        Requires.javafxText();
        central = new TestCentral(91);
    }

    @AfterAll
    static void stopCentral() {
        if (central != null) {
            central.close();
        }
    }

    @BeforeEach
    void openWorkstation() throws Exception {
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
    void officerMarksTheFourPointsAndTheDecisionNotesThemAsManual() throws Exception {
        UUID id = central.submitWithPhoto(TestPhotos.facelessJpeg());
        logIn();
        takeNext();
        waitFor(() -> verdict("photo.ied") == Verdict.NOT_MEASURED);
        assertThat(text("#facePoints")).contains("No face found");

        type(KeyCode.M);
        waitFor(() -> lookup("#markingHint").query().isVisible());
        assertThat(text("#markingHint")).contains("1 of 4");
        clickOnImage(230, 352);
        clickOnImage(370, 350);
        clickOnImage(300, 570);
        assertThat(text("#markingHint")).contains("4 of 4");
        clickOnImage(300, 150);

        waitFor(() -> verdict("photo.ied") == Verdict.PASS);
        assertThat(verdict("photo.roll")).isEqualTo(Verdict.PASS);
        assertThat(verdict("photo.eyeLine")).isNotEqualTo(Verdict.NOT_MEASURED);
        assertThat(text("#facePoints")).contains("marked by hand");

        clickOn("#approve");
        waitFor(() -> lookup("#signPanel").query().isVisible());
        if (lookup("#signFailed").query().isVisible()) {
            // a check of this faceless photo fails: approving over it is confirmed explicitly
            clickOn("#signOverride");
        }
        clickOn("#signPassword").write(DevIdentities.PASSWORD).type(KeyCode.ENTER);
        waitFor(() -> "APPROVED".equals(central.detail(id).status()));
        String stored = central.storedInspection(id);
        assertThat(stored).contains("\"facePoints\":\"MANUAL\"").contains("\"worst\":").contains("\"failing\":");
    }

    /** Clicks the submitted photo at a point given in the photo's pixels (the viewer starts fitted). */
    private void clickOnImage(double x, double y) {
        Node canvas = lookup("#photoCanvas").query();
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        double s = Math.min(b.getWidth() / TestPhotos.WIDTH, b.getHeight() / TestPhotos.HEIGHT);
        double ox = (b.getWidth() - TestPhotos.WIDTH * s) / 2;
        double oy = (b.getHeight() - TestPhotos.HEIGHT * s) / 2;
        clickOn(new Point2D(b.getMinX() + ox + x * s, b.getMinY() + oy + y * s));
    }

    @SuppressWarnings("unchecked")
    private Verdict verdict(String check) {
        TableView<CheckLine> table = lookup("#checks").queryAs(TableView.class);
        return table.getItems().stream().filter(l -> l.check().equals(check)).map(CheckLine::verdict).findFirst()
                .orElse(null);
    }

    private void logIn() throws TimeoutException {
        waitFor(() -> lookup("#password").tryQuery().isPresent());
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
        return ((Labeled) lookup(query).query()).getText();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        kz.qujat.testsupport.FxAwait.until(java.time.Duration.ofSeconds(WAIT_SECONDS), condition);
    }
}
