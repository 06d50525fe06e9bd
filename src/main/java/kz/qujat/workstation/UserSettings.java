package kz.qujat.workstation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's remembered choices (last PKCS#12 file or PKCS#11 library and token, language, "open next after decision"), in
 * {@code settings.properties} of the data folder, written atomically. Never a password.
 */
public final class UserSettings {
    public static final String KEY_FILE = "login.keyFile";
    /** "FILE" or "TOKEN": how the user logged in last time. */
    public static final String LOGIN_METHOD = "login.method";
    public static final String PKCS11_LIBRARY = "login.pkcs11Library";
    /** The label of the token last used (slot ids change when a token is re-plugged; labels do not). */
    public static final String TOKEN_LABEL = "login.tokenLabel";
    public static final String LANGUAGE = "ui.language";
    public static final String OPEN_NEXT = "officer.openNextAfterDecision";
    private static final Logger LOG = LoggerFactory.getLogger(UserSettings.class);

    private final Path file;
    private final Properties values = new Properties();

    public UserSettings(Path dataDir) {
        this.file = dataDir.resolve("settings.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                LOG.warn("settings file unreadable, starting with defaults: {}", e.getMessage());
            }
        }
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public synchronized boolean flag(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    public synchronized void put(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Qujat workstation settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save settings to " + file, e);
        }
    }
}
