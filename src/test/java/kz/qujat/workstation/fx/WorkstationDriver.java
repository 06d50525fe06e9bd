package kz.qujat.workstation.fx;

import kz.qujat.testsupport.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Requires;
import kz.qujat.workstation.AppContext;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.UserSettings;
import kz.qujat.workstation.WorkstationApp;
import kz.qujat.workstation.WorkstationConfig;
import kz.qujat.workstation.files.SaveDialog;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * Starts the real workstation window (headless Monocle in the build) against a given central service and logs
 * in the way a user does: the remembered key file, the password, the certificate shown, "Log in".
 */
final class WorkstationDriver implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;
    final FxRobot robot = new FxRobot();
    final AppContext app;
    private final Application application;

    WorkstationDriver(String centralUrl, Path dataDir, Path saveDir, String identity) throws Exception {
        this(centralUrl, dataDir, saveDir, identity, true);
    }

    /** With {@code logIn} false the window stays on the login screen, the identity's key file remembered. */
    WorkstationDriver(String centralUrl, Path dataDir, Path saveDir, String identity, boolean logIn) throws Exception {
        Requires.javafxText();
        app = new AppContext(new WorkstationConfig(centralUrl, dataDir, DevIdentities.file("trust"),
                Duration.ofMinutes(30), I18n.RUSSIAN, null, null), BackgroundTask.forFx(), TestClock.live());
        app.saveDialog(SaveDialog.into(saveDir));
        app.settings().put(UserSettings.KEY_FILE, DevIdentities.file(identity + ".p12").toAbsolutePath().toString());
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(() -> new WorkstationApp(() -> app));
        if (logIn) {
            logIn();
        } else {
            until(() -> robot.lookup("#password").tryQuery().isPresent());
        }
    }

    private void logIn() throws TimeoutException {
        until(() -> robot.lookup("#password").tryQuery().isPresent());
        robot.clickOn("#password").write(DevIdentities.PASSWORD);
        robot.clickOn("#showCertificate");
        until(() -> !robot.lookup("#logIn").query().isDisabled());
        robot.clickOn("#logIn");
        until(() -> robot.lookup("#logOut").tryQuery().isPresent());
    }

    /** Opens the combo box {@code query} and clicks the entry showing {@code text} in its popup list. */
    void choose(String query, String text) throws TimeoutException {
        robot.clickOn(query);
        until(() -> robot.lookup(".list-cell").match(LabeledMatchers.hasText(text)).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText(text)).queryAs(Node.class));
    }

    String text(String query) {
        Node n = robot.lookup(query).query();
        return ((Labeled) n).getText();
    }

    void until(Callable<Boolean> condition) throws TimeoutException {
        kz.qujat.testsupport.FxAwait.until(java.time.Duration.ofSeconds(WAIT_SECONDS), condition);
    }

    @Override
    public void close() throws TimeoutException {
        // log out first: that stops the session's timers, which would otherwise tick into the next test's toolkit
        if (robot.lookup("#logOut").tryQuery().isPresent()) {
            robot.clickOn("#logOut");
            until(() -> robot.lookup("#password").tryQuery().isPresent());
        }
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(application);
    }
}
