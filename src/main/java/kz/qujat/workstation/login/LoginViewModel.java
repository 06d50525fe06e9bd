package kz.qujat.workstation.login;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import kz.qujat.api.ProblemKind;
import kz.qujat.api.SessionResponse;
import kz.qujat.client.CentralException;
import kz.qujat.client.StaffClient;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.VerificationResult;
import kz.qujat.workstation.AppContext;
import kz.qujat.workstation.StaffSession;
import kz.qujat.workstation.UserSettings;

/**
 * Login with the EDS in two steps: open the PKCS#12 file with its password and show the authentication
 * certificate with a verdict; then sign the server's challenge with that key. All key and network work runs
 * in the background; the password array is cleared as soon as the file is read.
 */
public final class LoginViewModel {
    private static final Pattern SERVER_FAILURE = Pattern.compile("signature refused \\((\\w+)\\)");

    private final AppContext app;
    private final Consumer<StaffSession> loggedIn;
    private final CertificateJudge judge;
    private final ObjectProperty<Path> keyFile = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<CertificateCard> card = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CertificateJudge.Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private SigningKey authenticationKey;

    public LoginViewModel(AppContext app, Consumer<StaffSession> loggedIn) {
        this.app = app;
        this.loggedIn = loggedIn;
        this.judge = new CertificateJudge(app.trust(), app.clock());
        app.settings().get(UserSettings.KEY_FILE).map(Path::of).filter(Files::isRegularFile).ifPresent(keyFile::set);
        keyFile.addListener((o, a, b) -> forgetKey());
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
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A message from elsewhere, e.g. why the last session ended. */
    public void notice(String text) {
        message.set(text);
    }

    /** True when a certificate has been shown and judged usable. */
    public BooleanBinding canLogInBinding() {
        return Bindings.createBooleanBinding(() -> !busy.get() && verdict.get() == CertificateJudge.Verdict.OK,
                busy, verdict);
    }

    /** Reads the file with {@code password} (cleared here, whatever happens) and shows its certificate. */
    public void showCertificate(char[] password) {
        Path file = keyFile.get();
        if (file == null) {
            Arrays.fill(password, '\0');
            message.set(app.i18n().get("login.error.noFile"));
            return;
        }
        forgetKey();
        busy.set(true);
        message.set("");
        app.tasks().run(() -> {
            try (Pkcs12KeySource source = Pkcs12KeySource.open(file, password)) {
                SigningKey auth = source.authenticationKey();
                return new Opened(auth, judge.judge(auth, KeyPurpose.AUTHENTICATION));
            } finally {
                Arrays.fill(password, '\0');
            }
        }, opened -> {
            busy.set(false);
            app.settings().put(UserSettings.KEY_FILE, file.toAbsolutePath().toString());
            card.set(CertificateCard.of(opened.key().certificate()));
            verdict.set(opened.verdict());
            if (opened.verdict() == CertificateJudge.Verdict.OK) {
                authenticationKey = opened.key();
                message.set(app.i18n().get("login.ready"));
            } else {
                message.set(app.i18n().get("login.verdict." + opened.verdict().name()));
            }
        }, this::fail);
    }

    /** Signs the server's challenge with the key shown; on success the session is handed on. */
    public void logIn() {
        SigningKey key = authenticationKey;
        Path file = keyFile.get();
        if (key == null || file == null) {
            return;
        }
        busy.set(true);
        message.set(app.i18n().get("login.connecting"));
        StaffClient client = app.newClient();
        app.tasks().run(() -> {
            SessionResponse r = client.login(key);
            return new StaffSession(client, r, file);
        }, session -> {
            busy.set(false);
            forgetKey();
            message.set("");
            loggedIn.accept(session);
        }, this::fail);
    }

    private void fail(Exception e) {
        busy.set(false);
        message.set(describe(e));
    }

    private String describe(Exception e) {
        if (e instanceof EdsException eds) {
            return app.i18n().get(eds.kind() == EdsException.Kind.NO_SUCH_KEY
                    ? "login.verdict.WRONG_PURPOSE" : "error.eds." + eds.kind().name());
        }
        if (e instanceof CentralException c && c.kind().orElse(null) == ProblemKind.UNAUTHENTICATED) {
            Matcher m = SERVER_FAILURE.matcher(c.problem().map(p -> String.valueOf(p.detail())).orElse(""));
            if (m.find()) {
                try {
                    var failure = VerificationResult.Failure.valueOf(m.group(1));
                    return app.i18n().get("login.verdict." + CertificateJudge.of(failure).name());
                } catch (IllegalArgumentException unknown) {
                    return app.i18n().get("login.error.refused");
                }
            }
            return app.i18n().get("login.error.refused");
        }
        if (e instanceof CentralException c && c.kind().orElse(null) == ProblemKind.FORBIDDEN) {
            return app.i18n().get("login.error.notStaff");
        }
        return app.errors().of(e);
    }

    private void forgetKey() {
        authenticationKey = null;
        card.set(null);
        verdict.set(null);
    }

    private record Opened(SigningKey key, CertificateJudge.Verdict verdict) {
    }
}
