package kz.qujat.workstation.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import kz.qujat.api.IntakeResponse;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.workstation.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every screen of every role in the real window (headless) at 1366×768 and 1920×1080, switching the
 * language among Russian, Kazakh and English on each: after each switch no text of the language left may remain
 * (view-model texts included: the status line, eligibility, check names and explanations, chart legends), and no
 * label, button or cell may be cut to an ellipsis nor a control lie outside the window.
 */
class ScreenWalkFxTest {
    private static final int[][] SIZES = {{1366, 768}, {1920, 1080}};
    private final List<String> problems = new ArrayList<>();

    @Test
    void theOfficersScreensFollowTheLanguageAndNothingIsCut(@TempDir Path data, @TempDir Path saves) throws Exception {
        try (TestCentral central = new TestCentral()) {
            central.submit(Region.ASTANA, null);
            central.submit(Region.ASTANA, null);
            try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "officer-astana")) {
                TableView<?> queue = ws.robot.lookup("#queueTable").queryAs(TableView.class);
                ws.until(() -> queue.getItems().size() == 2);
                everyLanguageAndSize(ws, "queue");

                ws.robot.clickOn("#takeNext");
                ws.until(() -> !ws.text("#reviewTicket").isEmpty()
                        && !ws.robot.lookup("#approve").query().isDisabled());
                // the view-model texts made before the switch: status line, eligibility, the checks
                assertThat(ws.text("#statusMessage")).isNotEmpty();
                assertThat(ws.text("#eligibility")).isNotEmpty();
                everyLanguageAndSize(ws, "review");

                ws.robot.clickOn("#templateToggle");
                ws.robot.clickOn("#histogramToggle");
                ws.robot.clickOn("#compareToggle");
                ws.robot.clickOn("#markPoints");
                ws.until(() -> ws.robot.lookup("#markingHint").query().isVisible());
                everyLanguageAndSize(ws, "review with the image tools and the point overlay");
                ws.robot.clickOn("#markPoints");

                ws.robot.clickOn("#checks").type(KeyCode.N);
                ws.until(() -> ws.robot.lookup("#annulPanel").query().isVisible());
                everyLanguageAndSize(ws, "annulment form");
                ws.robot.type(KeyCode.DIGIT1);
                ws.robot.type(KeyCode.ENTER);
                ws.until(() -> ws.robot.lookup("#signPanel").query().isVisible());
                everyLanguageAndSize(ws, "signing an annulment");
                ws.robot.type(KeyCode.ESCAPE);
                ws.until(() -> !ws.robot.lookup("#signPanel").query().isVisible());

                ws.robot.clickOn("#checks").type(KeyCode.A);
                ws.until(() -> ws.robot.lookup("#signPanel").query().isVisible());
                everyLanguageAndSize(ws, "signing an approval");
                ws.robot.type(KeyCode.ESCAPE);

                cheatSheet(ws);
                ws.robot.clickOn("#nav-queue");
                everyLanguageAndSize(ws, "queue after the review");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theSupervisorsClerksAndLoginScreensFollowTheLanguageAndNothingIsCut(@TempDir Path data, @TempDir Path saves,
                                                                           @TempDir Path data2) throws Exception {
        try (TestCentral central = new TestCentral()) {
            IntakeResponse annulled = central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "PHOTO", null);
            central.decided("officer-astana", Region.ASTANA, null, "ANNUL", "FURTHER_VERIFICATION",
                    "Фото в реестре другого человека, пригласить на беседу");
            try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "supervisor")) {
                TableView<?> log = ws.robot.lookup("#annulmentTable").queryAs(TableView.class);
                ws.until(() -> log.getItems().size() == 2);
                everyLanguageAndSize(ws, "annulment log");
                ws.robot.clickOn(annulled.ticketNumber());
                everyLanguageAndSize(ws, "annulment log, one selected");

                // the live queue, with one claim held by an officer
                central.submit(Region.ASTANA, null);
                central.login("officer-astana").next().orElseThrow();
                ws.robot.clickOn("#nav-livequeue");
                ws.until(() -> ws.robot.lookup("#liveClaims").tryQuery().isPresent());
                TableView<?> claims = ws.robot.lookup("#liveClaims").queryAs(TableView.class);
                ws.until(() -> {
                    ws.robot.clickOn("#liveRefresh");
                    return claims.getItems().size() == 1;
                });
                everyLanguageAndSize(ws, "live queue, one claim held");
            }
            IntakeResponse ready = central.ready(Region.ASTANA, "ASTANA-01");
            try (WorkstationDriver ws = new WorkstationDriver(central.url(), data2, saves, "clerk-astana")) {
                TableView<?> list = ws.robot.lookup("#readyTable").queryAs(TableView.class);
                ws.until(() -> list.getItems().size() == 1);
                everyLanguageAndSize(ws, "handover desk");
                ws.robot.clickOn("#ticketField").write(ready.ticketNumber()).type(KeyCode.ENTER);
                ws.until(() -> ws.robot.lookup("#handoverCard").query().isVisible());
                everyLanguageAndSize(ws, "handover, document found");

                ws.robot.clickOn("#logOut");
                ws.until(() -> ws.robot.lookup("#password").tryQuery().isPresent());
                everyLanguageAndSize(ws, "login");
                ws.robot.clickOn("#password").write("wrong-password");
                ws.robot.clickOn("#showCertificate");
                ws.until(() -> !ws.text("#loginMessage").isEmpty());
                everyLanguageAndSize(ws, "login, wrong password");
                // the card with the certificate shown is the tallest state of the login screen
                PasswordField password = ws.robot.lookup("#password").queryAs(PasswordField.class);
                ws.robot.interact(password::clear);
                ws.robot.clickOn(password).write(DevIdentities.PASSWORD);
                ws.robot.clickOn("#showCertificate");
                ws.until(() -> ws.robot.lookup("#certificateCard").query().isVisible());
                everyLanguageAndSize(ws, "login, certificate shown");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** F1's sheet of keys, in each language: nothing cut (it is a dialog of its own). */
    private void cheatSheet(WorkstationDriver ws) throws TimeoutException {
        for (Locale l : I18n.SUPPORTED) {
            switchTo(ws, l);
            ws.robot.type(KeyCode.F1);
            ws.until(() -> dialog() != null);
            Scene sheet = dialog().getScene();
            problems.addAll(ScreenInspector.clipped(sheet, "cheat sheet " + l));
            ws.robot.type(KeyCode.ESCAPE);
            ws.until(() -> dialog() == null);
        }
    }

    private static Window dialog() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage s && s.getOwner() != null)
                .findFirst().orElse(null);
    }

    /** At each size, the state is shown in each language in turn, each switch checked against the one before. */
    private void everyLanguageAndSize(WorkstationDriver ws, String state) throws TimeoutException {
        for (int[] size : SIZES) {
            System.out.println("screen: " + javafx.stage.Screen.getPrimary().getBounds());
            Stage stage = (Stage) ws.robot.lookup("#language").query().getScene().getWindow();
            ws.robot.interact(() -> {
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            ws.until(() -> Math.abs(stage.getScene().getWidth() - size[0]) < 2);
            for (Locale l : List.of(I18n.KAZAKH, I18n.ENGLISH, I18n.RUSSIAN)) {
                Locale before = ws.app.i18n().locale();
                switchTo(ws, l);
                String where = state + " " + size[0] + "x" + size[1] + " " + l;
                Scene scene = ws.robot.lookup("#language").query().getScene();
                List<String> found = new ArrayList<>();
                if (!before.equals(l)) {
                    found.addAll(ScreenInspector.oldLanguage(scene, before, l, where));
                }
                found.addAll(ScreenInspector.clipped(scene, where));
                found.forEach(p -> System.out.println("PROBLEM " + p));
                problems.addAll(found);
            }
            System.out.println("walked: " + state + " " + size[0] + "x" + size[1] + ", problems so far: " + problems.size());
        }
    }

    private static void switchTo(WorkstationDriver ws, Locale l) throws TimeoutException {
        ws.robot.interact(() -> ws.robot.lookup("#language").<ComboBox<Locale>>query().setValue(l));
        ws.until(() -> ws.app.i18n().locale().equals(l)
                && ws.robot.lookup("#language").<ComboBox<Locale>>query().getValue().equals(l));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
