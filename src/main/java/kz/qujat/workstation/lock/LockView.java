package kz.qujat.workstation.lock;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import kz.qujat.workstation.I18n;

/** The lock layer's controller: asks for the password again. */
public final class LockView {
    private final LockViewModel model;
    private final I18n i18n;

    @FXML private Label whoLabel;
    @FXML private PasswordField passwordField;
    @FXML private Label messageLabel;
    @FXML private Button unlockButton;

    public LockView(LockViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        whoLabel.setText(i18n.get("lock.who", model.who()));
        messageLabel.textProperty().bind(model.messageProperty());
        unlockButton.disableProperty().bind(model.busyProperty());
        passwordField.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                javafx.application.Platform.runLater(passwordField::requestFocus);
            }
        });
    }

    @FXML
    private void unlock() {
        CharSequence typed = passwordField.getCharacters();
        char[] password = new char[typed.length()];
        for (int i = 0; i < password.length; i++) {
            password[i] = typed.charAt(i);
        }
        passwordField.clear();
        model.unlock(password);
    }
}
