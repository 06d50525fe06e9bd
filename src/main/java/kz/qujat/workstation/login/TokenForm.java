package kz.qujat.workstation.login;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.util.StringConverter;
import kz.qujat.eds.TokenInfo;
import kz.qujat.workstation.Subscriptions;

/** Binds the file/token choice and the token half of the login form to {@link LoginViewModel}. */
final class TokenForm {
    private TokenForm() {
    }

    static void bind(LoginView view, Subscriptions subscriptions) {
        LoginView.TokenControls c = view.tokenControls();
        LoginViewModel model = c.model();
        TokenChoice tokens = model.tokens();
        c.fileMethod().setUserData(LoginViewModel.Method.FILE);
        c.tokenMethod().setUserData(LoginViewModel.Method.TOKEN);
        c.methodGroup().selectToggle(model.methodProperty().get() == LoginViewModel.Method.TOKEN
                ? c.tokenMethod() : c.fileMethod());
        c.methodGroup().selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                model.methodProperty().set((LoginViewModel.Method) t.getUserData());
            }
        });
        c.fileMethod().disableProperty().bind(model.busyProperty());
        c.tokenMethod().disableProperty().bind(model.busyProperty());
        var token = model.methodProperty().isEqualTo(LoginViewModel.Method.TOKEN);
        c.tokenPane().visibleProperty().bind(token);
        c.tokenPane().managedProperty().bind(token);
        c.filePane().visibleProperty().bind(token.not());
        c.filePane().managedProperty().bind(token.not());
        c.secretLabel().textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> c.i18n().get(token.get() ? "login.pin" : "login.password"), token));

        c.libraryBox().setItems(tokens.knownLibraries());
        c.libraryBox().setConverter(new StringConverter<>() {
            @Override
            public String toString(Path p) {
                return p == null ? "" : p.toString();
            }

            @Override
            public Path fromString(String s) {
                return s == null || s.isBlank() ? null : Path.of(s.trim());
            }
        });
        c.libraryBox().valueProperty().bindBidirectional(tokens.libraryProperty());
        c.libraryBox().disableProperty().bind(model.busyProperty());
        c.findButton().disableProperty().bind(model.busyProperty());

        c.tokenBox().setItems(tokens.tokens());
        c.tokenBox().setConverter(new StringConverter<>() {
            @Override
            public String toString(TokenInfo t) {
                return t == null ? "" : c.i18n().get("login.token.entry", t.label(), t.serialNumber(), Long.toString(t.slot()));
            }

            @Override
            public TokenInfo fromString(String s) {
                return null;
            }
        });
        c.tokenBox().valueProperty().bindBidirectional(tokens.tokenProperty());
        c.tokenBox().disableProperty().bind(model.busyProperty());
        c.tokenBox().valueProperty().addListener((o, a, t) -> {
            if (t != null) {
                c.passwordField().requestFocus();
            }
        });

        var listed = javafx.beans.binding.Bindings.isNotEmpty(model.tokenCertificates());
        c.tokenCertsPane().visibleProperty().bind(listed);
        c.tokenCertsPane().managedProperty().bind(listed);
        subscriptions.onListChange(model.tokenCertificates(), ch -> showCertificates(c));
        subscriptions.onDispose(() -> {
            c.libraryBox().valueProperty().unbindBidirectional(tokens.libraryProperty());
            c.tokenBox().valueProperty().unbindBidirectional(tokens.tokenProperty());
        });
        showCertificates(c);
    }

    private static void showCertificates(LoginView.TokenControls c) {
        var f = LoginView.dates(c.i18n());
        var pane = c.tokenCertsPane();
        pane.getChildren().remove(1, pane.getChildren().size());
        for (LoginViewModel.TokenCertificate t : c.model().tokenCertificates()) {
            CertificateCard card = t.card();
            Label line = new Label(c.i18n().get("login.token.certificate", c.i18n().get(t.purposeKey()), card.owner(),
                    card.iin() == null ? "—" : card.iin(), f.format(card.validTo())));
            line.setWrapText(true);
            line.getStyleClass().add("token-certificate");
            pane.getChildren().add(line);
        }
    }
}
