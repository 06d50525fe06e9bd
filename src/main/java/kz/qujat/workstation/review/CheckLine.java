package kz.qujat.workstation.review;

import java.util.Locale;
import kz.qujat.inspect.CheckResult;
import kz.qujat.inspect.Explanations;
import kz.qujat.inspect.Verdict;

/** One automated check as the review shows it: the check (photo.* or signature.*), the measured value, verdict and why. */
public record CheckLine(String check, String measured, String threshold, Verdict verdict,
                        String explanation) {
    static CheckLine of(CheckResult r, Locale locale) {
        String measured = r.measured() && !Double.isNaN(r.value())
                ? String.format(locale, "%.1f %s", r.value(), r.unit()).trim() : "—";
        String why;
        try {
            why = Explanations.text(r, locale);
        } catch (java.util.MissingResourceException e) {
            why = r.messageKey();
        }
        return new CheckLine(r.check(), measured, r.threshold(), r.verdict(), why);
    }
}
