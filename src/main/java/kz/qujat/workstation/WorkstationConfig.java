package kz.qujat.workstation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the workstation is started: the central service it talks to, its data folder (settings, the decision
 * outbox), the folder of trusted CA certificates used to judge a certificate before login (may be null: then
 * only the server judges), the idle time after which the screen locks, and the first language.
 */
public record WorkstationConfig(String centralUrl, Path dataDir, Path trustDir, Duration idleLock, Locale locale,
                                Duration outboxRetry, Duration queueRefresh) {
    public WorkstationConfig {
        Objects.requireNonNull(centralUrl, "centralUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(idleLock, "idleLock");
        locale = I18n.supported(locale);
        outboxRetry = outboxRetry == null ? Duration.ofSeconds(15) : outboxRetry;
        queueRefresh = queueRefresh == null ? Duration.ofSeconds(20) : queueRefresh;
    }

    /** ~/.qujat/workstation, the default data folder. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".qujat", "workstation");
    }
}
