package kz.qujat.workstation.login;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.qujat.client.StaffClient;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.Pkcs11Config;
import kz.qujat.eds.Pkcs11KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TokenInfo;
import kz.qujat.workstation.KeyOrigin;
import kz.qujat.workstation.LocalText;
import kz.qujat.workstation.Phrase;
import kz.qujat.workstation.StaffSession;
import kz.qujat.workstation.UserSettings;

/**
 * Login with the EDS in two steps: open the PKCS#12 file with its password ({@link FileKeyOpener}) or log in
 * to the PKCS#11 token with its PIN ({@link TokenOpener}) and show the authentication certificate with a
 * verdict; then sign the server's challenge with that key ({@link ChallengeLogin}). This class holds the
 * form's state; all key and network work runs in the background; {@link LoginErrors} words the failures.
 * A token stays logged in only between the two steps.
 */
public final class LoginViewModel {
    /** Where the keys are. */
    public enum Method { FILE, TOKEN }

    /** A certificate found on the token, with what its key is for (message key). */
    public record TokenCertificate(String purposeKey, CertificateCard card) {
    }

    private final LoginServices app;
    private final Consumer<StaffSession> loggedIn;
    private final FileKeyOpener files;
    private final TokenOpener tokenOpener;
    private final LoginErrors errors;
    private final ObjectProperty<Path> keyFile = new SimpleObjectProperty<>();
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.FILE);
    private final TokenChoice tokenChoice;
    private final ObservableList<TokenCertificate> tokenCertificates = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CertificateCard> card = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CertificateJudge.Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final LocalText message;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    // a field, not made per call: a binding that only its listeners hold can be collected and stop firing
    private final BooleanBinding canLogIn = Bindings.createBooleanBinding(
            () -> !busy.get() && verdict.get() == CertificateJudge.Verdict.OK, busy, verdict);
    private SigningKey authenticationKey;
    private KeyOrigin origin;
    private Pkcs11KeySource openToken;

    public LoginViewModel(LoginServices app, Consumer<StaffSession> loggedIn) {
        this.app = app;
        this.loggedIn = loggedIn;
        this.message = new LocalText(app.i18n());
        CertificateJudge judge = new CertificateJudge(app.trust(), app.clock());
        this.files = new FileKeyOpener(judge);
        this.tokenOpener = new TokenOpener(judge, app.trust());
        this.errors = new LoginErrors(app.errors());
        app.settings().get(UserSettings.KEY_FILE).map(Path::of).filter(Files::isRegularFile).ifPresent(keyFile::set);
        // another file: the old file's refusal no longer applies
        keyFile.addListener((o, a, b) -> {
            forgetKey();
            message.clear();
        });
        this.tokenChoice = new TokenChoice(app.pkcs11Libraries(), app.settings());
        method.set(app.settings().get(UserSettings.LOGIN_METHOD).filter("TOKEN"::equals).map(m -> Method.TOKEN)
                .orElse(Method.FILE));
        method.addListener((o, a, b) -> {
            forgetKey();
            message.clear();
        });
        tokenChoice.tokenProperty().addListener((o, a, t) -> {
            forgetKey();
            message.set(t == null ? Phrase.NONE : errors.pinWarning(TokenChoice.pinState(t)));
        });
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public TokenChoice tokens() {
        return tokenChoice;
    }

    /** The certificates on the token after the PIN was accepted (empty for a key file). */
    public ObservableList<TokenCertificate> tokenCertificates() {
        return tokenCertificates;
    }

    /** Lists the tokens in the chosen PKCS#11 library, in the background. */
    public void findTokens() {
        String problem = tokenChoice.libraryProblem();
        if (problem != null) {
            message.set(Phrase.of(problem));
            return;
        }
        Path lib = tokenChoice.libraryProperty().get();
        forgetKey();
        busy.set(true);
        message.clear();
        app.tasks().run(() -> TokenChoice.find(lib), list -> {
            busy.set(false);
            if (list.isEmpty()) {
                message.set(Phrase.of("login.token.error.none"));
            } else {
                tokenChoice.found(lib, list);
                if (tokenChoice.tokenProperty().get() == null) {
                    message.set(Phrase.of("login.token.choose"));
                }
            }
        }, e -> {
            busy.set(false);
            message.set(e instanceof EdsException eds && eds.kind() == EdsException.Kind.PROVIDER
                    ? Phrase.of("login.token.error.badLibrary") : errors.describe(e));
        });
    }

    public ObjectProperty<Path> keyFileProperty() {
        return keyFile;
    }

    public ReadOnlyObjectProperty<CertificateCard> cardProperty() {
        return card.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CertificateJudge.Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A message from elsewhere, e.g. why the last session ended. */
    public void notice(Phrase text) {
        message.set(text);
    }

    /** True when a certificate has been shown and judged usable. */
    public BooleanBinding canLogInBinding() {
        return canLogIn;
    }

    /** Opens the keys with {@code secret} (cleared here, whatever happens) and shows the certificate. */
    public void showCertificate(char[] secret) {
        open(secret, false);
    }

    /**
     * Enter in the password field: opens the keys with {@code secret} (cleared here) and, when the certificate is
     * fine, logs in at once; a certificate that is not fine is shown with its refusal, as by
     * {@link #showCertificate}. Nothing typed while a fine certificate is shown logs in with it.
     */
    public void showCertificateAndLogIn(char[] secret) {
        if (secret.length == 0 && canLogIn.get()) {
            logIn();
            return;
        }
        open(secret, true);
    }

    private void open(char[] secret, boolean thenLogIn) {
        if (secret.length == 0) {
            // nothing typed is not a wrong password: say what is missing
            message.set(Phrase.of(method.get() == Method.TOKEN ? "login.error.emptyPin" : "login.error.emptyPassword"));
            return;
        }
        if (method.get() == Method.TOKEN) {
            showTokenCertificate(secret, thenLogIn);
        } else {
            showFileCertificate(secret, thenLogIn);
        }
    }

    private void showFileCertificate(char[] password, boolean thenLogIn) {
        Path file = keyFile.get();
        if (file == null) {
            Arrays.fill(password, '\0');
            message.set(Phrase.of("login.error.noFile"));
            return;
        }
        forgetKey();
        busy.set(true);
        message.clear();
        app.tasks().run(() -> files.open(file, password), opened -> {
            busy.set(false);
            app.settings().put(UserSettings.KEY_FILE, file.toAbsolutePath().toString());
            app.settings().put(UserSettings.LOGIN_METHOD, Method.FILE.name());
            shown(opened, new KeyOrigin.File(file), thenLogIn);
        }, this::fail);
    }

    private void showTokenCertificate(char[] pin, boolean thenLogIn) {
        TokenInfo token = tokenChoice.tokenProperty().get();
        String problem = tokenChoice.libraryProblem();
        if (problem != null || token == null) {
            Arrays.fill(pin, '\0');
            message.set(Phrase.of(problem != null ? problem : "login.token.error.noToken"));
            return;
        }
        Path lib = tokenChoice.libraryProperty().get();
        KeyOrigin.Token tokenOrigin = new KeyOrigin.Token(new Pkcs11Config(lib, token.slot(), null, null, null),
                token.label());
        forgetKey();
        busy.set(true);
        message.clear();
        app.tasks().run(() -> tokenOpener.open(tokenOrigin, pin), opened -> {
            busy.set(false);
            app.settings().put(UserSettings.LOGIN_METHOD, Method.TOKEN.name());
            tokenChoice.used(token);
            tokenCertificates.setAll(opened.certificates());
            if (opened.verdict() == CertificateJudge.Verdict.OK) {
                openToken = opened.token();
            } else {
                close(opened.token());
            }
            shown(opened, tokenOrigin, thenLogIn);
        }, this::fail);
    }

    private void shown(OpenedKey opened, KeyOrigin keys, boolean thenLogIn) {
        card.set(CertificateCard.of(opened.key().certificate()));
        verdict.set(opened.verdict());
        if (opened.verdict() == CertificateJudge.Verdict.OK) {
            authenticationKey = opened.key();
            origin = keys;
            message.set(Phrase.of("login.ready"));
            if (thenLogIn) {
                logIn();
            }
        } else {
            message.set(Phrase.of("login.verdict." + opened.verdict().name()));
        }
    }

    /** Signs the server's challenge with the key shown; on success the session is handed on. */
    public void logIn() {
        SigningKey key = authenticationKey;
        KeyOrigin keys = origin;
        if (key == null || keys == null) {
            return;
        }
        Pkcs11KeySource token = openToken;
        openToken = null;
        if (token != null) {
            authenticationKey = null;
        }
        busy.set(true);
        message.set(Phrase.of("login.connecting"));
        StaffClient client = app.newClient();
        app.tasks().run(() -> ChallengeLogin.logIn(client, key, keys, token), session -> {
            busy.set(false);
            forgetKey();
            message.clear();
            loggedIn.accept(session);
        }, this::fail);
    }

    private void fail(Exception e) {
        busy.set(false);
        if (origin != null && origin.token() && authenticationKey == null) {
            forgetKey(); // the token was logged out; its PIN is needed again
        }
        message.set(errors.describe(e));
    }

    private void forgetKey() {
        authenticationKey = null;
        origin = null;
        card.set(null);
        verdict.set(null);
        tokenCertificates.clear();
        Pkcs11KeySource token = openToken;
        openToken = null;
        close(token);
    }

    /** Logs out of the token in the background (a slow token must not hold up the form). */
    private void close(Pkcs11KeySource token) {
        if (token != null) {
            app.tasks().run(() -> {
                token.close();
                return token;
            }, closed -> { }, e -> { });
        }
    }
}
