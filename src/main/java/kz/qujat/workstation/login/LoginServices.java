package kz.qujat.workstation.login;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kz.qujat.client.StaffClient;
import kz.qujat.eds.TrustConfig;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.ErrorMessages;
import kz.qujat.workstation.I18n;
import kz.qujat.workstation.UserSettings;

/** What the login screen needs from the running workstation, and nothing more. */
public interface LoginServices {
    BackgroundTask tasks();

    I18n i18n();

    UserSettings settings();

    ErrorMessages errors();

    /** The trusted CAs to judge a certificate before it is used; empty when only the server judges. */
    Optional<TrustConfig> trust();

    Clock clock();

    /** A client without a session, for one login. */
    StaffClient newClient();

    /** The PKCS#11 libraries offered on the token form. */
    List<Path> pkcs11Libraries();
}
