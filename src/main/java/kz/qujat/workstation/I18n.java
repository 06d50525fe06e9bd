package kz.qujat.workstation;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The user's language: Russian by default, Kazakh and English on request, switchable while the program runs
 * (views are rebuilt when {@link #localeProperty()} changes). Texts live in {@code messages_*.properties}.
 */
public final class I18n {
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final Locale KAZAKH = Locale.forLanguageTag("kk");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(RUSSIAN, KAZAKH, ENGLISH);
    static final String BUNDLE = "kz.qujat.workstation.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private ResourceBundle bundle;
    private Locale bundleLocale;

    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    /** Picks the supported language of {@code wanted}, Russian otherwise. */
    public static Locale supported(Locale wanted) {
        if (wanted == null) {
            return RUSSIAN;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst().orElse(RUSSIAN);
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /**
     * The bundle of the language set now. Looked up here rather than in a listener of the locale: a binding that
     * depends on the locale may be evaluated while the locale's listeners are still being told of the change.
     */
    public ResourceBundle bundle() {
        Locale now = locale.get();
        if (!now.equals(bundleLocale)) {
            bundle = load(now);
            bundleLocale = now;
        }
        return bundle;
    }

    /** The text of {@code key}, with {@link MessageFormat} arguments when given (a {@link Phrase} is worded here). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] worded = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            worded[i] = args[i] instanceof Phrase p ? p.in(this) : args[i];
        }
        return new MessageFormat(pattern, locale()).format(worded);
    }

    /** A region's name in the user's language (the Kazakh screen uses the official Russian names). */
    public String regionName(String region) {
        try {
            kz.qujat.domain.Region r = kz.qujat.domain.Region.valueOf(region);
            return ENGLISH.equals(locale()) ? r.nameEn() : r.nameRu();
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(region);
        }
    }

    /**
     * The texts of one language whatever the user chose (a document handed to a citizen, such as the handover
     * receipt, is in Kazakh and Russian on every screen language); a missing key shows as the key.
     */
    public static java.util.function.UnaryOperator<String> texts(Locale language) {
        ResourceBundle b = load(supported(language));
        return key -> b.containsKey(key) ? b.getString(key) : key;
    }

    static ResourceBundle load(Locale l) {
        // no fallback to the JVM's default locale: the bundle is exactly the chosen language
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
