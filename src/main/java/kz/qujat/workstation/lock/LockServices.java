package kz.qujat.workstation.lock;

import java.util.Optional;
import kz.qujat.eds.TrustConfig;
import kz.qujat.workstation.BackgroundTask;
import kz.qujat.workstation.ErrorMessages;
import kz.qujat.workstation.I18n;

/** What the idle lock needs from the running workstation, and nothing more. */
public interface LockServices {
    BackgroundTask tasks();

    I18n i18n();

    ErrorMessages errors();

    /** The trusted CAs to judge the key's certificate; empty when only the server judges. */
    Optional<TrustConfig> trust();
}
