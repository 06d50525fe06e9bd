package kz.qujat.workstation.login;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.LanguageChooser;
import kz.qujat.workstation.Subscriptions;

/** The login screen's controller: binds the form to {@link LoginViewModel} and hands it the password once. */
public final class LoginView {
    private final LoginViewModel model;
    private final I18n i18n;
    private final Subscriptions subscriptions;

    @FXML private ComboBox<Locale> language;
    @FXML private ToggleGroup methodGroup;
    @FXML private RadioButton fileMethod;
    @FXML private RadioButton tokenMethod;
    @FXML private VBox filePane;
    @FXML private VBox tokenPane;
    @FXML private ComboBox<java.nio.file.Path> libraryBox;
    @FXML private Button findButton;
    @FXML private ComboBox<kz.qujat.eds.TokenInfo> tokenBox;
    @FXML private Label secretLabel;
    @FXML private VBox tokenCertsPane;
    @FXML private TextField keyFileField;
    @FXML private Button chooseButton;
    @FXML private PasswordField passwordField;
    @FXML private Button showButton;
    @FXML private GridPane cardPane;
    @FXML private Label binLabel;
    @FXML private Label rolesLabel;
    @FXML private Label purposeLabel;
    @FXML private Label algorithmLabel;
    @FXML private Label ownerLabel;
    @FXML private Label iinLabel;
    @FXML private Label organisationLabel;
    @FXML private Label validityLabel;
    @FXML private Label issuerLabel;
    @FXML private Label messageLabel;
    @FXML private ProgressIndicator progress;
    @FXML private Button loginButton;

    public LoginView(LoginViewModel model, I18n i18n, Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        LanguageChooser.bind(language, i18n);
        keyFileField.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.keyFileProperty().get() == null ? "" : model.keyFileProperty().get().toString(),
                model.keyFileProperty()));
        messageLabel.textProperty().bind(model.messageProperty());
        progress.visibleProperty().bind(model.busyProperty());
        showButton.disableProperty().bind(model.busyProperty());
        chooseButton.disableProperty().bind(model.busyProperty());
        loginButton.disableProperty().bind(model.canLogInBinding().not());
        cardPane.visibleProperty().bind(model.cardProperty().isNotNull());
        cardPane.managedProperty().bind(cardPane.visibleProperty());
        subscriptions.onChange(model.cardProperty(), (o, a, card) -> showCard(card));
        subscriptions.onChange(model.verdictProperty(), (o, a, v) -> {
            messageLabel.getStyleClass().removeAll("success", "danger");
            if (v != null) {
                messageLabel.getStyleClass().add(v == CertificateJudge.Verdict.OK ? "success" : "danger");
            }
        });
        showCard(model.cardProperty().get());
        TokenForm.bind(this, subscriptions);
        // the remembered key file leaves only the password to type
        javafx.application.Platform.runLater(() -> (model.methodProperty().get() == LoginViewModel.Method.TOKEN
                ? (model.tokens().tokenProperty().get() != null ? passwordField : findButton)
                : model.keyFileProperty().get() != null ? passwordField : chooseButton).requestFocus());
        subscriptions.onChange(model.canLogInBinding(), (o, a, can) -> {
            if (can) {
                loginButton.requestFocus();
            }
        });
    }

    /** The token half of the form, bound in {@link TokenForm}. */
    record TokenControls(LoginViewModel model, I18n i18n, ToggleGroup methodGroup, RadioButton fileMethod,
                         RadioButton tokenMethod, VBox filePane, VBox tokenPane,
                         ComboBox<java.nio.file.Path> libraryBox, Button findButton,
                         ComboBox<kz.qujat.eds.TokenInfo> tokenBox, Label secretLabel, VBox tokenCertsPane,
                         PasswordField passwordField) {
    }

    TokenControls tokenControls() {
        return new TokenControls(model, i18n, methodGroup, fileMethod, tokenMethod, filePane, tokenPane, libraryBox,
                findButton, tokenBox, secretLabel, tokenCertsPane, passwordField);
    }

    static DateTimeFormatter dates(I18n i18n) {
        // one form in every language, four-digit year, Almaty's calendar day (see Dates)
        return DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(kz.qujat.domain.KzTime.ZONE);
    }

    private void showCard(CertificateCard card) {
        if (card == null) {
            return;
        }
        DateTimeFormatter f = dates(i18n);
        ownerLabel.setText(card.owner());
        iinLabel.setText(card.iin() == null ? "—" : card.iin());
        organisationLabel.setText(card.organisation() == null ? "—" : card.organisation());
        binLabel.setText(card.bin() == null ? "—" : card.bin());
        rolesLabel.setText(card.roles().isEmpty() ? "—" : String.join(", ", card.roles().stream()
                .map(k -> k.startsWith("login.") ? i18n.get(k) : k).toList()));
        purposeLabel.setText(card.purposes().isEmpty() ? "—" : String.join(", ", card.purposes().stream()
                .map(k -> k.startsWith("login.") ? i18n.get(k) : k).toList()));
        algorithmLabel.setText(card.algorithm().startsWith("login.") ? i18n.get(card.algorithm()) : card.algorithm());
        validityLabel.setText(i18n.get("login.card.validRange", f.format(card.validFrom()), f.format(card.validTo())));
        issuerLabel.setText(card.issuer());
    }

    @FXML
    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("login.choose.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("login.choose.filter"),
                "*.p12", "*.pfx"));
        if (model.keyFileProperty().get() != null && model.keyFileProperty().get().getParent() != null) {
            chooser.setInitialDirectory(model.keyFileProperty().get().getParent().toFile());
        }
        File f = chooser.showOpenDialog(chooseButton.getScene().getWindow());
        if (f != null) {
            model.keyFileProperty().set(f.toPath());
            passwordField.requestFocus();
        }
    }

    /** "Show certificate": opens the key and shows its certificate and verdict; "Log in" then uses it. */
    @FXML
    private void showCertificate() {
        model.showCertificate(takePassword());
    }

    /** Enter in the password field: logs in straight away when the certificate is fine (else shows why not). */
    @FXML
    private void passwordEntered() {
        model.showCertificateAndLogIn(takePassword());
    }

    /** The typed password as a char[] (the caller's to clear); the field is emptied. */
    private char[] takePassword() {
        CharSequence typed = passwordField.getCharacters();
        char[] password = new char[typed.length()];
        for (int i = 0; i < password.length; i++) {
            password[i] = typed.charAt(i);
        }
        passwordField.clear();
        return password;
    }

    @FXML
    private void findTokens() {
        model.findTokens();
    }

    @FXML
    private void logIn() {
        model.logIn();
    }
}
