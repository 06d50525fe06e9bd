package kz.qujat.workstation.login;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kz.qujat.api.ProblemKind;
import kz.qujat.api.SessionResponse;
import kz.qujat.client.CentralException;
import kz.qujat.client.StaffClient;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.Pkcs11Config;
import kz.qujat.eds.Pkcs11KeySource;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TokenInfo;
import kz.qujat.eds.VerificationResult;
import kz.qujat.workstation.AppContext;
import kz.qujat.workstation.KeyOrigin;
import kz.qujat.workstation.StaffSession;
import kz.qujat.workstation.UserSettings;

/**
 * Login with the EDS in two steps: open the PKCS#12 file with its password (or log in to the PKCS#11 token
 * with its PIN) and show the authentication certificate with a verdict; then sign the server's challenge with
 * that key. All key and network work runs in the background; the password or PIN array is cleared as soon as
 * the keys are opened. A token stays logged in only between the two steps.
 */
public final class LoginViewModel {
    /** Where the keys are. */
    public enum Method { FILE, TOKEN }

    /** A certificate found on the token, with what its key is for (message key). */
    public record TokenCertificate(String purposeKey, CertificateCard card) {
    }

    private static final Pattern SERVER_FAILURE = Pattern.compile("signature refused \\((\\w+)\\)");

    private final AppContext app;
    private final Consumer<StaffSession> loggedIn;
    private final CertificateJudge judge;
    private final ObjectProperty<Path> keyFile = new SimpleObjectProperty<>();
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.FILE);
    private final TokenChoice tokenChoice;
    private final ObservableList<TokenCertificate> tokenCertificates = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CertificateCard> card = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CertificateJudge.Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private SigningKey authenticationKey;
    private KeyOrigin origin;
    private Pkcs11KeySource openToken;

    public LoginViewModel(AppContext app, Consumer<StaffSession> loggedIn) {
        this.app = app;
        this.loggedIn = loggedIn;
        this.judge = new CertificateJudge(app.trust(), app.clock());
        app.settings().get(UserSettings.KEY_FILE).map(Path::of).filter(Files::isRegularFile).ifPresent(keyFile::set);
        keyFile.addListener((o, a, b) -> forgetKey());
        this.tokenChoice = new TokenChoice(app);
        method.set(app.settings().get(UserSettings.LOGIN_METHOD).filter("TOKEN"::equals).map(m -> Method.TOKEN)
                .orElse(Method.FILE));
        method.addListener((o, a, b) -> {
            forgetKey();
            message.set("");
        });
        tokenChoice.tokenProperty().addListener((o, a, t) -> {
            forgetKey();
            message.set(t == null ? "" : pinWarning(TokenChoice.pinState(t)));
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
            message.set(app.i18n().get(problem));
            return;
        }
        Path lib = tokenChoice.libraryProperty().get();
        forgetKey();
        busy.set(true);
        message.set("");
        app.tasks().run(() -> TokenChoice.find(lib), list -> {
            busy.set(false);
            if (list.isEmpty()) {
                message.set(app.i18n().get("login.token.error.none"));
            } else {
                tokenChoice.found(lib, list);
                if (tokenChoice.tokenProperty().get() == null) {
                    message.set(app.i18n().get("login.token.choose"));
                }
            }
        }, e -> {
            busy.set(false);
            message.set(e instanceof EdsException eds && eds.kind() == EdsException.Kind.PROVIDER
                    ? app.i18n().get("login.token.error.badLibrary") : describe(e));
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

    /** Opens the keys with {@code secret} (cleared here, whatever happens) and shows the certificate. */
    public void showCertificate(char[] secret) {
        if (method.get() == Method.TOKEN) {
            showTokenCertificate(secret);
        } else {
            showFileCertificate(secret);
        }
    }

    private void showFileCertificate(char[] password) {
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
            app.settings().put(UserSettings.LOGIN_METHOD, Method.FILE.name());
            shown(opened, new KeyOrigin.File(file));
        }, this::fail);
    }

    private void showTokenCertificate(char[] pin) {
        TokenInfo token = tokenChoice.tokenProperty().get();
        String problem = tokenChoice.libraryProblem();
        if (problem != null || token == null) {
            Arrays.fill(pin, '\0');
            message.set(app.i18n().get(problem != null ? problem : "login.token.error.noToken"));
            return;
        }
        Path lib = tokenChoice.libraryProperty().get();
        KeyOrigin.Token tokenOrigin = new KeyOrigin.Token(new Pkcs11Config(lib, token.slot(), null, null, null),
                token.label());
        forgetKey();
        busy.set(true);
        message.set("");
        app.tasks().run(() -> {
            Pkcs11KeySource source;
            try {
                source = Pkcs11KeySource.open(tokenOrigin.config(), pin, KeyOrigin.Token.chainSource(app.trust()));
            } catch (EdsException e) {
                if (e.kind() == EdsException.Kind.WRONG_PASSWORD || e.kind() == EdsException.Kind.PIN_LOCKED) {
                    throw new PinRefused(e.kind() == EdsException.Kind.PIN_LOCKED ? TokenChoice.PinState.LOCKED
                            : TokenChoice.pinState(lib, token.slot()));
                }
                throw e;
            } finally {
                Arrays.fill(pin, '\0');
            }
            try {
                SigningKey auth = source.authenticationKey();
                return new Opened(auth, judge.judge(auth, KeyPurpose.AUTHENTICATION), source, listed(source));
            } catch (EdsException | RuntimeException e) {
                source.close();
                throw e;
            }
        }, opened -> {
            busy.set(false);
            app.settings().put(UserSettings.LOGIN_METHOD, Method.TOKEN.name());
            tokenChoice.used(token);
            tokenCertificates.setAll(opened.certificates());
            shown(opened, tokenOrigin);
            if (opened.verdict() == CertificateJudge.Verdict.OK) {
                openToken = opened.token();
            } else {
                close(opened.token());
            }
        }, this::fail);
    }

    private static List<TokenCertificate> listed(Pkcs11KeySource source) {
        String signing = certificateOf(source, KeyPurpose.SIGNING);
        String authentication = certificateOf(source, KeyPurpose.AUTHENTICATION);
        List<TokenCertificate> list = new ArrayList<>();
        for (SigningKey key : source.keys()) {
            String serial = key.certificate().getSerialNumber().toString(16);
            String purpose = serial.equals(authentication) ? "login.token.purpose.authentication"
                    : serial.equals(signing) ? "login.token.purpose.signing" : "login.token.purpose.other";
            list.add(new TokenCertificate(purpose, CertificateCard.of(key.certificate())));
        }
        list.sort(java.util.Comparator.comparing(TokenCertificate::purposeKey)); // authentication, other, signing
        return list;
    }

    private static String certificateOf(Pkcs11KeySource source, KeyPurpose purpose) {
        try {
            SigningKey key = purpose == KeyPurpose.SIGNING ? source.signingKey() : source.authenticationKey();
            return key.certificate().getSerialNumber().toString(16);
        } catch (EdsException none) {
            return null;
        }
    }

    private void shown(Opened opened, KeyOrigin keys) {
        card.set(CertificateCard.of(opened.key().certificate()));
        verdict.set(opened.verdict());
        if (opened.verdict() == CertificateJudge.Verdict.OK) {
            authenticationKey = opened.key();
            origin = keys;
            message.set(app.i18n().get("login.ready"));
        } else {
            message.set(app.i18n().get("login.verdict." + opened.verdict().name()));
        }
    }

    /** Signs the server's challenge with the key shown; on success the session is handed on. */
    public void logIn() {
        SigningKey key = authenticationKey;
        KeyOrigin keys = origin;
        if (key == null || keys == null) {
            return;
        }
        // the token is logged out after the challenge, whatever the server says: the PIN is typed again to sign
        Pkcs11KeySource token = openToken;
        openToken = null;
        if (token != null) {
            authenticationKey = null;
        }
        busy.set(true);
        message.set(app.i18n().get("login.connecting"));
        StaffClient client = app.newClient();
        app.tasks().run(() -> {
            try {
                SessionResponse r = client.login(key);
                return new StaffSession(client, r, keys);
            } finally {
                if (token != null) {
                    token.close();
                }
            }
        }, session -> {
            busy.set(false);
            forgetKey();
            message.set("");
            loggedIn.accept(session);
        }, this::fail);
    }

    private void fail(Exception e) {
        busy.set(false);
        if (origin != null && origin.token() && authenticationKey == null) {
            forgetKey(); // the token was logged out; its PIN is needed again
        }
        message.set(describe(e));
    }

    private String pinWarning(TokenChoice.PinState state) {
        return switch (state) {
            case OK -> "";
            case COUNT_LOW -> app.i18n().get("login.pin.countLowAhead");
            case FINAL_TRY -> app.i18n().get("login.pin.finalTryAhead");
            case LOCKED -> app.i18n().get("login.pin.locked");
        };
    }

    private String describe(Exception e) {
        if (e instanceof PinRefused refused) {
            return app.i18n().get(switch (refused.state) {
                case OK -> "login.pin.wrong";
                case COUNT_LOW -> "login.pin.countLow";
                case FINAL_TRY -> "login.pin.finalTry";
                case LOCKED -> "login.pin.locked";
            });
        }
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

    private record Opened(SigningKey key, CertificateJudge.Verdict verdict, Pkcs11KeySource token,
                          List<TokenCertificate> certificates) {
        Opened(SigningKey key, CertificateJudge.Verdict verdict) {
            this(key, verdict, null, List.of());
        }
    }

    /** The token refused the PIN; what its PIN counter says now. */
    private static final class PinRefused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient TokenChoice.PinState state;

        PinRefused(TokenChoice.PinState state) {
            super("the token refused the PIN (" + state + ")");
            this.state = state;
        }
    }
}
