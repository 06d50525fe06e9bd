package kz.qujat.workstation;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import kz.qujat.workstation.login.LoginView;
import kz.qujat.workstation.login.LoginViewModel;
import kz.qujat.workstation.shell.ShellView;
import kz.qujat.workstation.shell.ShellViewModel;

/**
 * The one window: the login screen until a session exists, then the shell of the user's role; back to the
 * login screen on log-out or when the session expires. The frame's view is built once per login, session
 * and language (the screens keep theirs, see {@link CachedView}); the view it replaces is disposed.
 */
public final class MainWindow {
    private final AppContext app;
    private final Stage stage;
    private final StackPane root = new StackPane();
    private LoginViewModel login;
    private ShellViewModel shell;
    private SessionTimers timers;
    private Subscriptions shown;

    public MainWindow(AppContext app, Stage stage) {
        this.app = app;
        this.stage = stage;
    }

    public void show() {
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("/kz/qujat/workstation/workstation.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> app.i18n().get("app.title"), app.i18n().localeProperty()));
        app.i18n().localeProperty().addListener((o, a, b) -> render());
        showLogin(null);
        stage.show();
    }

    public Scene scene() {
        return stage.getScene();
    }

    private void showLogin(String messageKey) {
        endSession();
        login = new LoginViewModel(app, this::loggedIn);
        if (messageKey != null) {
            login.notice(Phrase.of(messageKey));
        }
        render();
    }

    private void loggedIn(StaffSession session) {
        StatusModel status = new StatusModel(app.i18n());
        SessionScope scope = new SessionScope(app, session, status, id -> shell.show(id), this::showLogin);
        shell = new ShellViewModel(scope);
        login = null;
        timers = new SessionTimers(scope, root, () -> showLogin("session.expired"));
        render();
        timers.start();
    }

    /** Ends the session's timers and screens (the application is stopping). */
    public void close() {
        endSession();
        if (shown != null) {
            shown.dispose();
        }
    }

    private void endSession() {
        if (timers != null) {
            timers.stop();
            timers = null;
        }
        if (shell != null) {
            shell.close();
            shell = null;
        }
    }

    private void render() {
        if (shown != null) {
            shown.dispose();
        }
        shown = new Subscriptions();
        Parent view = shell != null
                ? app.fxml().load(new ShellView(shell, app.i18n(), () -> showLogin(null), shown))
                : app.fxml().load(new LoginView(login, app.i18n(), shown));
        root.getChildren().setAll(view);
        if (timers != null) {
            timers.rendered();
        }
    }
}
