package kz.qujat.workstation.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import kz.qujat.api.SamePersonCheck;
import kz.qujat.inspect.Explanations;
import kz.qujat.inspect.SamePerson;
import kz.qujat.workstation.I18n;

/**
 * The same-person check as the review shows it, next to the two photos: the verdict computed at intake (null for an
 * application stored before the check existed), and the error rates those thresholds showed on the sample faces.
 * An aid: the officer decides either way. The texts are made in the language asked for, so a view rebuilt after a
 * language switch shows them in the new one.
 */
public record SamePersonAid(SamePersonCheck check, SamePerson.Calibration calibration) {
    /** What the panel shows: the verdict line, the measured distance (or why nothing was measured), the rates. */
    public record Texts(String verdict, String detail, String rates, String aid) {
    }

    public SamePerson.Verdict verdict() {
        if (check == null) {
            return SamePerson.Verdict.NOT_MEASURED;
        }
        try {
            return SamePerson.Verdict.valueOf(check.verdict());
        } catch (IllegalArgumentException e) {
            return SamePerson.Verdict.NOT_MEASURED;
        }
    }

    public Texts texts(I18n i18n) {
        SamePerson.Verdict v = verdict();
        String verdict = switch (v) {
            case SAME -> i18n.get("review.samePerson.same");
            case UNSURE -> i18n.get("review.samePerson.unsure");
            case DIFFERENT -> i18n.get("review.samePerson.different");
            case NOT_MEASURED -> i18n.get("review.samePerson.notMeasured");
        };
        String detail;
        if (check == null) {
            detail = i18n.get("review.samePerson.notComputed");
        } else if (v == SamePerson.Verdict.NOT_MEASURED || check.distance() == null) {
            detail = explanation(check.messageKey(), i18n.locale());
        } else {
            detail = i18n.get("review.samePerson.distance", number(check.distance(), i18n.locale()),
                    number(check.sameAtMost(), i18n.locale()), number(check.differentAbove(), i18n.locale()));
        }
        String rates;
        if (check != null && check.sameAtMost() != null && check.differentAbove() != null
                && !calibration.measuredWith(check.sameAtMost(), check.differentAbove())) {
            rates = i18n.get("review.samePerson.ratesUnknown");
        } else {
            SamePerson.Counts two = calibration.twoPeople();
            SamePerson.Counts one = calibration.onePerson();
            SamePerson.Counts hard = calibration.hardestGroup();
            rates = i18n.get("review.samePerson.rates", two.pairs(), two.same(), two.unsure(), one.pairs(),
                    one.different(), one.unsure(), hard.pairs(), hard.unsure() + hard.same());
        }
        return new Texts(verdict, detail, rates, i18n.get("review.samePerson.aid"));
    }

    /** What the officer saw, for the decision's inspection note (the same fields as stored at intake). */
    public void putInto(ObjectNode note) {
        ObjectNode n = note.putObject("samePerson");
        n.put("verdict", verdict().name());
        if (check == null) {
            n.putNull("distance");
            n.put("messageKey", "review.samePerson.notComputed");
            return;
        }
        if (check.distance() == null) {
            n.putNull("distance");
        } else {
            n.put("distance", check.distance());
        }
        if (check.sameAtMost() != null) {
            n.put("sameAtMost", check.sameAtMost());
        }
        if (check.differentAbove() != null) {
            n.put("differentAbove", check.differentAbove());
        }
        n.put("messageKey", check.messageKey());
    }

    private static String number(Double d, Locale locale) {
        return d == null ? "—" : String.format(locale, "%.2f", d);
    }

    private static String explanation(String key, Locale locale) {
        if (key == null) {
            return "";
        }
        try {
            return Explanations.text(key, locale);
        } catch (java.util.MissingResourceException e) {
            return key;
        }
    }
}
