package kz.qujat.workstation.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestClock;
import kz.qujat.workstation.AppContext;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.UserSettings;
import kz.qujat.workstation.WorkstationApp;
import kz.qujat.workstation.WorkstationConfig;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: takes the README's screenshots of the same-person aid from a running demo, in a real window on an X
 * display (Xvfb), with {@code import -window root}. Arguments: the demo's central URL, the output folder, then
 * {@code officer TICKET NAME.png ...} or {@code supervisor NAME.png}.
 * <pre>DISPLAY=:90 java -Dglass.platform=gtk -Dprism.order=sw -cp target/test-classes:target/classes:DEPS \
 *   kz.qujat.workstation.ui.DemoScreenshots http://localhost:PORT docs/screenshots officer Q-... a.png</pre>
 */
public final class DemoScreenshots {
    private DemoScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path out = Path.of(args[1]);
        String role = args[2];
        Path data = Files.createTempDirectory("qujat-shots");
        String key = role.equals("officer") ? "officer-astana.p12" : "supervisor.p12";
        Files.writeString(data.resolve("settings.properties"), UserSettings.KEY_FILE + "="
                + DevIdentities.file(key).toAbsolutePath() + "\n" + UserSettings.OPEN_NEXT + "=false\n"
                + UserSettings.LANGUAGE + "=ru\n");
        WorkstationConfig config = new WorkstationConfig(url, data, DevIdentities.file("trust"), Duration.ofMinutes(30),
                I18n.RUSSIAN, Duration.ofMillis(500), Duration.ofSeconds(5));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(() -> new WorkstationApp(
                () -> new AppContext(config, BackgroundTask.forFx(), TestClock.live())));
        FxRobot robot = new FxRobot();
        robot.interact(() -> {
            javafx.stage.Stage s = (javafx.stage.Stage) robot.listWindows().get(0);
            s.setX(0);
            s.setY(0);
            s.setWidth(1440);
            s.setHeight(900);
        });
        waitFor(() -> robot.lookup("#password").tryQuery().isPresent());
        robot.clickOn("#password").write(DevIdentities.PASSWORD).type(KeyCode.ENTER);
        // Enter in the password field logs in; the button is only clicked if the login screen is still up
        waitFor(() -> robot.lookup("#logIn").tryQuery().map(b -> b.getScene() == null || !b.isDisabled()).orElse(true));
        if (robot.lookup("#logIn").tryQuery().map(b -> b.getScene() != null && b.isVisible()).orElse(false)) {
            robot.clickOn("#logIn");
        }
        if (role.equals("officer")) {
            for (int i = 3; i + 1 < args.length; i += 2) {
                String ticket = args[i];
                waitFor(() -> robot.lookup("#queueTable").tryQuery().map(Node::isVisible).orElse(false)
                        && !robot.lookup("#queueTable").queryAs(TableView.class).getItems().isEmpty());
                robot.interact(() -> {
                    TableView<?> t = robot.lookup("#queueTable").queryAs(TableView.class);
                    for (int k = 0; k < t.getItems().size(); k++) {
                        if (t.getItems().get(k).toString().contains(ticket)) {
                            t.getSelectionModel().select(k);
                        }
                    }
                });
                robot.clickOn("#takeSelected");
                waitFor(() -> robot.lookup("#reviewTicket").tryQuery()
                        .map(n -> ((Labeled) n).getText().contains(ticket)).orElse(false)
                        && robot.lookup("#samePerson").query().isVisible()
                        && !robot.lookup("#approve").queryAs(Button.class).isDisabled()
                        && !robot.lookup("#checks").queryAs(TableView.class).getItems().isEmpty());
                Thread.sleep(10000);
                shot(out.resolve(args[i + 1]));
                robot.clickOn("#release");
            }
        } else {
            waitFor(() -> robot.lookup("#annulmentTable").tryQuery().map(n -> !((TableView<?>) n).getItems().isEmpty())
                    .orElse(false));
            Thread.sleep(12000);
            shot(out.resolve(args[3]));
        }
        System.exit(0);
    }

    private static void shot(Path file) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed");
        }
        System.out.println("saved " + file);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (Exception notYet) {
                return false;
            }
        });
    }
}
