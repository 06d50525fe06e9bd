package kz.qujat.workstation.lock;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import kz.qujat.eds.CertificateProfile;
import kz.qujat.eds.KeySource;
import kz.qujat.workstation.LocalText;
import kz.qujat.workstation.Phrase;
import kz.qujat.workstation.StaffSession;

/**
 * The idle lock: the window stays covered until the password of the logged-in person's key file (or the PIN
 * of the token) is typed again (the keys must open and hold that person's certificate).
 */
public final class LockViewModel {
    private final LockServices services;
    private final StaffSession session;
    private final Runnable unlocked;
    private final LocalText message;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public LockViewModel(LockServices services, StaffSession session, Runnable unlocked) {
        this.services = services;
        this.session = session;
        this.unlocked = unlocked;
        this.message = new LocalText(services.i18n());
    }

    public String who() {
        return session.staffName();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Checks the password in the background; the array is cleared whatever happens. */
    public void unlock(char[] password) {
        busy.set(true);
        services.tasks().run(() -> {
            try (KeySource source = session.keys().open(password, services.trust())) {
                return session.staffIin().equals(
                        CertificateProfile.of(source.authenticationKey().certificate()).iin());
            } finally {
                Arrays.fill(password, '\0');
            }
        }, same -> {
            busy.set(false);
            if (same) {
                message.clear();
                unlocked.run();
            } else {
                message.set(Phrase.of("lock.otherPerson"));
            }
        }, e -> {
            busy.set(false);
            message.set(services.errors().phrase(e));
        });
    }
}
