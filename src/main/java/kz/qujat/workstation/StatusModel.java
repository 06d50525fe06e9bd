package kz.qujat.workstation;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What the status bar shows: the last message (and whether it is an error) and the undelivered decisions. The
 * message is kept as a {@link Phrase}, so it follows a language switch.
 */
public final class StatusModel {
    private final LocalText message;
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper undelivered = new ReadOnlyIntegerWrapper(0);

    public StatusModel(I18n i18n) {
        message = new LocalText(i18n);
    }

    public void info(Phrase text) {
        message.set(text);
        error.set(false);
    }

    public void error(Phrase text) {
        message.set(text);
        error.set(true);
    }

    public void undelivered(int count) {
        undelivered.set(count);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.property();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty undeliveredProperty() {
        return undelivered.getReadOnlyProperty();
    }
}
