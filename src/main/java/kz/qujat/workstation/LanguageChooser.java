package kz.qujat.workstation;

import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** Fills a combo box with the supported languages, each named in itself, bound to the running language. */
public final class LanguageChooser {
    private LanguageChooser() {
    }

    public static void bind(ComboBox<Locale> box, I18n i18n) {
        box.getItems().setAll(I18n.SUPPORTED);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : i18n.get("language." + l.getLanguage());
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        box.setValue(i18n.locale());
        // never a stop of Tab or of a screen's first focus, and an arrow key never switches the language: the
        // officer's arrows walk checks and tables, and a stray one here rebuilt every screen in another language
        box.setFocusTraversable(false);
        box.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!box.isShowing() && e.getCode().isNavigationKey()) {
                e.consume();
            }
        });
        box.setTooltip(new javafx.scene.control.Tooltip(i18n.get("language.tooltip")));
        // the change rebuilds every view, this box included, so it is applied after the event is done
        box.valueProperty().addListener((o, a, now) -> {
            if (now != null && !now.equals(i18n.locale())) {
                javafx.application.Platform.runLater(() -> i18n.localeProperty().set(now));
            }
        });
    }
}
