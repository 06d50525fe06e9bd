package kz.qujat.workstation;

import java.util.Locale;
import java.util.function.Function;
import javafx.scene.Parent;

/**
 * A screen's view, built once for the language in use and kept: navigating back to the screen shows the same
 * nodes; a language change builds it again and disposes the old one's subscriptions.
 */
public final class CachedView {
    private final I18n i18n;
    private final Function<Subscriptions, Parent> build;
    private Locale builtFor;
    private Parent root;
    private Subscriptions subscriptions;
    private int builds;

    public CachedView(I18n i18n, Function<Subscriptions, Parent> build) {
        this.i18n = i18n;
        this.build = build;
    }

    /** The view in the current language, built only when there is none yet for it. */
    public Parent get() {
        if (root == null || !i18n.locale().equals(builtFor)) {
            dispose();
            subscriptions = new Subscriptions();
            root = build.apply(subscriptions);
            builtFor = i18n.locale();
            builds++;
        }
        return root;
    }

    /** How many times the view was built (once per language it was shown in). */
    public int builds() {
        return builds;
    }

    public void dispose() {
        if (subscriptions != null) {
            subscriptions.dispose();
        }
        subscriptions = null;
        root = null;
        builtFor = null;
    }
}
