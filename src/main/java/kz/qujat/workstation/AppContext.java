package kz.qujat.workstation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import kz.qujat.client.StaffClient;
import kz.qujat.eds.TrustConfig;
import kz.qujat.inspect.PhotoInspectors;
import kz.qujat.inspect.SignatureInspector;
import kz.qujat.inspect.Thresholds;
import kz.qujat.workstation.files.SaveDialog;
import kz.qujat.workstation.lock.LockServices;
import kz.qujat.workstation.login.LoginServices;
import kz.qujat.workstation.outbox.DecisionOutbox;
import kz.qujat.workstation.review.ReviewServices;

/**
 * The services of one running workstation, built once at start-up and handed to screens through their
 * constructors: configuration, language, the background task runner, settings, the decision outbox and the
 * image checks. Nothing here is static.
 */
public final class AppContext implements AutoCloseable, LoginServices, LockServices, ReviewServices {
    private final WorkstationConfig config;
    private final I18n i18n;
    private final BackgroundTask tasks;
    private final UserSettings settings;
    private final ErrorMessages errors;
    private final FxmlLoader fxml;
    private final DecisionOutbox outbox;
    private final TrustConfig trust;
    private final Clock clock;
    private final PhotoInspectors photoInspectors = new PhotoInspectors(Thresholds.defaults());
    private final SignatureInspector signatureInspector = new SignatureInspector(Thresholds.defaults());
    private SaveDialog saveDialog = SaveDialog.fileChooser();

    public AppContext(WorkstationConfig config, BackgroundTask tasks, Clock clock) {
        this.config = config;
        this.settings = new UserSettings(config.dataDir());
        this.i18n = new I18n(settings.get(UserSettings.LANGUAGE)
                .map(java.util.Locale::forLanguageTag).orElse(config.locale()));
        this.tasks = tasks;
        this.clock = clock;
        this.errors = new ErrorMessages(i18n);
        this.fxml = new FxmlLoader(i18n);
        this.outbox = new DecisionOutbox(config.dataDir().resolve("outbox"));
        this.trust = loadTrust(config);
        i18n.localeProperty().addListener((o, a, now) -> settings.put(UserSettings.LANGUAGE, now.toLanguageTag()));
    }

    private static TrustConfig loadTrust(WorkstationConfig config) {
        if (config.trustDir() == null) {
            return null;
        }
        try {
            return TrustConfig.load(config.trustDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trusted certificates from " + config.trustDir(), e);
        }
    }

    @Override
    public java.util.List<java.nio.file.Path> pkcs11Libraries() {
        return config.pkcs11Libraries();
    }

    public WorkstationConfig config() {
        return config;
    }

    public I18n i18n() {
        return i18n;
    }

    public BackgroundTask tasks() {
        return tasks;
    }

    public UserSettings settings() {
        return settings;
    }

    public ErrorMessages errors() {
        return errors;
    }

    public FxmlLoader fxml() {
        return fxml;
    }

    public DecisionOutbox outbox() {
        return outbox;
    }

    /** The trusted CAs to judge a certificate before it is used; empty when only the server judges. */
    public Optional<TrustConfig> trust() {
        return Optional.ofNullable(trust);
    }

    public Clock clock() {
        return clock;
    }

    /** A client without a session, for one login. */
    public StaffClient newClient() {
        return new StaffClient(config.centralUrl());
    }

    /**
     * The photo checks: each inspection borrows a face finder no other thread is using (OpenCV's detectors are
     * not thread-safe); the first loads OpenCV, so never inspect on the FX thread.
     */
    public PhotoInspectors photoInspectors() {
        return photoInspectors;
    }

    /** The thresholds of the checks, without loading OpenCV. */
    public Thresholds thresholds() {
        return photoInspectors.thresholds();
    }

    public SignatureInspector signatureInspector() {
        return signatureInspector;
    }

    /** Where the export and receipt dialogs save; the platform's file chooser unless a test answers them. */
    public SaveDialog saveDialog() {
        return saveDialog;
    }

    /** Tests answer save dialogs with a folder: a native dialog cannot be driven headless. */
    public void saveDialog(SaveDialog dialog) {
        this.saveDialog = java.util.Objects.requireNonNull(dialog);
    }

    @Override
    public void close() {
        tasks.close();
    }
}
