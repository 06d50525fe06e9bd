package kz.qujat.workstation.review;

import kz.qujat.inspect.Area;
import kz.qujat.inspect.CheckResult;
import kz.qujat.inspect.Explanations;
import kz.qujat.inspect.Verdict;
import kz.qujat.workstation.I18n;

/**
 * One automated check as the review shows it: the check id (photo.* or signature.*), its short name in the
 * officer's language, the measured value, verdict, why, and the image area it measured (null for the file).
 */
public record CheckLine(String check, String name, String measured, String threshold, Verdict verdict,
                        String explanation, Area area) {
    static CheckLine of(CheckResult r, I18n i18n) {
        String measured = r.measured() && !Double.isNaN(r.value())
                ? String.format(i18n.locale(), "%.1f %s", r.value(), r.unit()).trim() : "—";
        String why;
        try {
            why = Explanations.text(r, i18n.locale());
        } catch (java.util.MissingResourceException e) {
            why = r.messageKey();
        }
        return new CheckLine(r.check(), CheckNames.name(i18n, r.check()), measured, r.threshold(), r.verdict(), why,
                r.area());
    }

    /** A check of the submitted photo (its area is in the photo's pixels). */
    public boolean onPhoto() {
        return check.startsWith("photo.");
    }
}
