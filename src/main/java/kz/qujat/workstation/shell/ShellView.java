package kz.qujat.workstation.shell;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.LanguageChooser;
import kz.qujat.workstation.ScreenEntry;
import kz.qujat.workstation.StatusModel;
import kz.qujat.workstation.Subscriptions;

/**
 * The main window's frame: the user and language at the top, the role's screens on the left (Ctrl+1…),
 * the screen in the middle, and the status bar (last message, undelivered decisions, activity) below.
 * Built once per session and language; its listeners on the session go with it ({@link Subscriptions}).
 */
public final class ShellView {
    private final ShellViewModel model;
    private final I18n i18n;
    private final Runnable logout;
    private final Subscriptions subscriptions;

    @FXML private Label userLabel;
    @FXML private Label roleLabel;
    @FXML private ComboBox<Locale> language;
    @FXML private Button logoutButton;
    @FXML private Button helpButton;
    @FXML private VBox navigation;
    @FXML private StackPane content;
    @FXML private Label statusLabel;
    @FXML private Label outboxLabel;
    @FXML private ProgressIndicator activity;

    public ShellView(ShellViewModel model, I18n i18n, Runnable logout, Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.model = model;
        this.i18n = i18n;
        this.logout = logout;
    }

    @FXML
    private void initialize() {
        LanguageChooser.bind(language, i18n);
        userLabel.setText(model.scope().session().staffName());
        roleLabel.setText(model.roleText());
        ToggleGroup group = new ToggleGroup();
        int n = 1;
        for (ScreenEntry e : model.entries()) {
            ToggleButton b = new ToggleButton(i18n.get(e.titleKey()));
            b.setId("nav-" + e.id());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            // the Kazakh names are long: they take a second line rather than an ellipsis
            b.setWrapText(true);
            b.getStyleClass().add("nav-button");
            b.setUserData(e.id());
            b.setOnAction(ev -> {
                model.show(e.id());
                b.setSelected(true);
            });
            KeyCombination shortcut = new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n++), KeyCombination.SHORTCUT_DOWN);
            Runnable go = () -> model.show(e.id());
            navigation.sceneProperty().addListener((o, a, scene) -> {
                if (scene != null) {
                    scene.getAccelerators().put(shortcut, go);
                }
            });
            subscriptions.onDispose(() -> {
                if (navigation.getScene() != null) {
                    navigation.getScene().getAccelerators().remove(shortcut, go);
                }
            });
            b.setTooltip(new javafx.scene.control.Tooltip(b.getText() + " (" + shortcut.getDisplayText() + ")"));
            navigation.getChildren().add(b);
        }
        KeyCombination help = new KeyCodeCombination(KeyCode.F1);
        Runnable showHelp = this::shortcuts;
        navigation.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(help, showHelp);
            }
        });
        subscriptions.onDispose(() -> {
            if (navigation.getScene() != null) {
                navigation.getScene().getAccelerators().remove(help, showHelp);
            }
        });
        helpButton.setTooltip(new javafx.scene.control.Tooltip(i18n.get("shortcuts.button")));
        subscriptions.onChange(model.currentProperty(), (o, a, id) -> showCurrent(group));
        showCurrent(group);

        StatusModel status = model.scope().status();
        statusLabel.textProperty().bind(status.messageProperty());
        subscriptions.onChange(status.errorProperty(), (o, a, err) -> styleStatus(err));
        styleStatus(status.errorProperty().get());
        outboxLabel.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("status.undelivered", status.undeliveredProperty().get()), status.undeliveredProperty()));
        outboxLabel.visibleProperty().bind(status.undeliveredProperty().greaterThan(0));
        activity.visibleProperty().bind(model.scope().app().tasks().busyProperty().greaterThan(0));
    }

    private void styleStatus(boolean error) {
        statusLabel.getStyleClass().remove("danger");
        if (error) {
            statusLabel.getStyleClass().add("danger");
        }
    }

    private void showCurrent(ToggleGroup group) {
        String id = model.currentProperty().get();
        if (id == null) {
            content.getChildren().clear();
            return;
        }
        group.getToggles().forEach(t -> t.setSelected(id.equals(t.getUserData())));
        // the screen's view is built once per language and kept; showing it again costs nothing
        var screen = model.screen(id);
        javafx.scene.Parent view = screen.render();
        content.getChildren().setAll(view);
        screen.shown();
        javafx.application.Platform.runLater(() -> focusInitial(view));
    }

    /**
     * The keyboard goes to the screen's own first control (marked {@code initial-focus} in its FXML), never to the
     * top bar: the language box is not a focus stop, and a screen that just opened is where the user types.
     */
    static void focusInitial(javafx.scene.Parent view) {
        if (view.getScene() == null) {
            return;
        }
        for (javafx.scene.Node n : view.lookupAll(".initial-focus")) {
            if (n.isVisible() && !n.isDisabled() && n.getScene() != null && isTreeVisible(n) && !covered(n)) {
                n.requestFocus();
                return;
            }
        }
        // a panel over the screen (a decision being made) places the keyboard itself: leave it there
        javafx.scene.Node owner = view.getScene().getFocusOwner();
        for (javafx.scene.Node p = owner; p != null; p = p.getParent()) {
            if (p == view) {
                return;
            }
        }
        view.requestFocus();
    }

    /** Under a visible overlay ({@code lock-layer}, e.g. the decision panels) laid over it in a stack. */
    private static boolean covered(javafx.scene.Node n) {
        for (javafx.scene.Node child = n, p = n.getParent(); p != null; child = p, p = p.getParent()) {
            if (p instanceof javafx.scene.layout.StackPane stack) {
                var kids = stack.getChildren();
                for (int i = kids.indexOf(child) + 1; i > 0 && i < kids.size(); i++) {
                    if (kids.get(i).isVisible() && kids.get(i).getStyleClass().contains("lock-layer")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isTreeVisible(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** F1: the keys of every screen; the focus comes back to where it was when the sheet closes. */
    @FXML
    private void shortcuts() {
        javafx.scene.Node had = navigation.getScene().getFocusOwner();
        CheatSheet.show(navigation.getScene().getWindow(), i18n);
        if (had != null && had.getScene() != null) {
            had.requestFocus();
        }
    }

    @FXML
    private void logOut() {
        logout.run();
    }
}
