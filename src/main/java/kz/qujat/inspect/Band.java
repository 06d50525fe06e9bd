package kz.qujat.inspect;

import java.util.Locale;

/**
 * A graded threshold read from the configuration: PASS inside [passLow, passHigh], WARN inside
 * [warnLow, warnHigh], FAIL beyond. One-sided bands use infinities.
 */
public record Band(double passLow, double passHigh, double warnLow, double warnHigh) {

    public Verdict judge(double value) {
        if (Double.isNaN(value)) {
            return Verdict.NOT_MEASURED;
        }
        if (value >= passLow && value <= passHigh) {
            return Verdict.PASS;
        }
        if (value >= warnLow && value <= warnHigh) {
            return Verdict.WARN;
        }
        return Verdict.FAIL;
    }

    /** Human-readable form for reports: "PASS 50–70, WARN 45–75". */
    public String describe() {
        return "PASS " + range(passLow, passHigh) + (passLow == warnLow && passHigh == warnHigh ? ""
                : ", WARN " + range(warnLow, warnHigh));
    }

    private static String range(double low, double high) {
        if (Double.isInfinite(low) && Double.isInfinite(high)) {
            return "any";
        }
        if (Double.isInfinite(high)) {
            return "≥ " + num(low);
        }
        if (Double.isInfinite(low)) {
            return "≤ " + num(high);
        }
        return num(low) + "–" + num(high);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
