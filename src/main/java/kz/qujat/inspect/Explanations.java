package kz.qujat.inspect;

import java.util.Locale;
import java.util.ResourceBundle;

/** The one-line explanation of a check result in Russian (default), Kazakh or English. */
public final class Explanations {
    private static final String BUNDLE = "kz.qujat.inspect.explanations";

    private Explanations() {
    }

    public static String text(CheckResult result, Locale locale) {
        return text(result.messageKey(), locale);
    }

    public static String text(String key, Locale locale) {
        // Java 9+ reads properties bundles as UTF-8; Russian is the fallback for any other language
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.getString(key);
    }
}
