package kz.qujat.workstation.review;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qujat.workstation.I18n;

/**
 * The eligibility rule in the officer's language. The central service names the rule in English
 * ("R3: within 30 days before expiry"); its code and number say which rule it is, and the text comes from
 * the bundle. A rule this version does not know is shown as the service wrote it.
 */
public final class RuleText {
    private static final Pattern RULE = Pattern.compile("(R\\d+):\\s*(.*)");
    private static final Pattern DAYS = Pattern.compile("within (\\d+) days (before|after) expiry");

    private RuleText() {
    }

    public static String of(I18n i18n, String rule) {
        if (rule == null) {
            return "—";
        }
        Matcher m = RULE.matcher(rule.trim());
        if (!m.matches()) {
            return rule;
        }
        String rest = m.group(2);
        switch (m.group(1)) {
            case "R1":
                return i18n.get("review.rule.R1");
            case "R2":
                return i18n.get("review.rule.R2");
            case "R12":
                return i18n.get("review.rule.R12");
            case "R3":
                Matcher d = DAYS.matcher(rest);
                if (d.matches()) {
                    return i18n.get("before".equals(d.group(2)) ? "review.rule.R3.before" : "review.rule.R3.after",
                            Integer.parseInt(d.group(1)));
                }
                return rest.contains("outside") ? i18n.get("review.rule.R3.outside") : rule;
            default:
                return rule;
        }
    }
}
