package kz.qujat.workstation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the workstation is started: the central service it talks to, its data folder (settings, the decision
 * outbox), the folder of trusted CA certificates used to judge a certificate before login (may be null: then
 * only the server judges), the idle time after which the screen locks, the first language, and the PKCS#11
 * libraries offered on the login screen for tokens (configuration, since every token vendor ships its own).
 */
public record WorkstationConfig(String centralUrl, Path dataDir, Path trustDir, Duration idleLock, Locale locale,
                                Duration outboxRetry, Duration queueRefresh, List<Path> pkcs11Libraries) {
    /** SoftHSM2's module where Debian and Ubuntu install it; offered only when it is there. */
    public static final Path SOFTHSM = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    public WorkstationConfig(String centralUrl, Path dataDir, Path trustDir, Duration idleLock, Locale locale,
                             Duration outboxRetry, Duration queueRefresh) {
        this(centralUrl, dataDir, trustDir, idleLock, locale, outboxRetry, queueRefresh, null);
    }

    public WorkstationConfig {
        Objects.requireNonNull(centralUrl, "centralUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(idleLock, "idleLock");
        locale = I18n.supported(locale);
        outboxRetry = outboxRetry == null ? Duration.ofSeconds(15) : outboxRetry;
        queueRefresh = queueRefresh == null ? Duration.ofSeconds(20) : queueRefresh;
        pkcs11Libraries = pkcs11Libraries == null || pkcs11Libraries.isEmpty()
                ? (Files.isRegularFile(SOFTHSM) ? List.of(SOFTHSM) : List.of())
                : List.copyOf(pkcs11Libraries);
    }

    /** ~/.qujat/workstation, the default data folder. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".qujat", "workstation");
    }
}
