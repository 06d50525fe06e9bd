package kz.qujat.workstation;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A view model's text that follows the language: set as a {@link Phrase}, read as a string property that is
 * worded again whenever the language changes (the views bind to it, so a screen built before the switch and one
 * built after both show the current language). The binding holds the locale only weakly.
 */
public final class LocalText {
    private final ReadOnlyObjectWrapper<Phrase> phrase = new ReadOnlyObjectWrapper<>(Phrase.NONE);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper();

    public LocalText(I18n i18n) {
        text.bind(Bindings.createStringBinding(() -> phrase.get().in(i18n), phrase, i18n.localeProperty()));
    }

    public void set(Phrase p) {
        phrase.set(p == null ? Phrase.NONE : p);
    }

    public void set(String key, Object... args) {
        set(Phrase.of(key, args));
    }

    public void clear() {
        set(Phrase.NONE);
    }

    public String get() {
        return text.get();
    }

    public Phrase phrase() {
        return phrase.get();
    }

    public ReadOnlyObjectProperty<Phrase> phraseProperty() {
        return phrase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty property() {
        return text.getReadOnlyProperty();
    }
}
