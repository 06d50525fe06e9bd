package kz.qujat.workstation.review;

import kz.qujat.inspect.Area;
import kz.qujat.inspect.CheckResult;
import kz.qujat.inspect.Explanations;
import kz.qujat.inspect.Verdict;
import kz.qujat.workstation.I18n;

/**
 * One automated check as the review shows it: the check's result (id photo.* or signature.*, measured value and
 * unit, threshold, verdict, the image area it measured, null for the file). Its name, value and explanation are
 * worded when shown, in the language in use then, so that a language switch words them again.
 */
public record CheckLine(CheckResult result) {
    static CheckLine of(CheckResult r) {
        return new CheckLine(r);
    }

    public String check() {
        return result.check();
    }

    public Verdict verdict() {
        return result.verdict();
    }

    public Area area() {
        return result.area();
    }

    public String threshold() {
        return result.threshold();
    }

    /** The short name in the officer's language. */
    public String name(I18n i18n) {
        return CheckNames.name(i18n, result.check());
    }

    /** The measured value with its unit in the officer's language; a dash when nothing was measured. */
    public String measured(I18n i18n) {
        if (!result.measured() || Double.isNaN(result.value())) {
            return "—";
        }
        return String.format(i18n.locale(), "%.1f %s", result.value(), Units.of(i18n, result.unit())).trim();
    }

    /** Why the verdict, in one line. */
    public String explanation(I18n i18n) {
        try {
            return Explanations.text(result, i18n.locale());
        } catch (java.util.MissingResourceException e) {
            return result.messageKey();
        }
    }

    /** A check of the submitted photo (its area is in the photo's pixels). */
    public boolean onPhoto() {
        return check().startsWith("photo.");
    }
}
