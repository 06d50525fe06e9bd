package kz.qujat.inspect;

/**
 * One measured check: what was measured ({@code value} in {@code unit}; NaN when not measured), the
 * threshold it was judged against (as text, e.g. "≥ 120 PASS, ≥ 90 WARN"), the verdict, the image area
 * it looked at (null for whole-file checks) and a message key whose text explains the verdict in the
 * officer's language ({@link Explanations}).
 */
public record CheckResult(String check, double value, String unit, String threshold, Verdict verdict, Area area,
                          String messageKey) {

    public static CheckResult notMeasured(String check, String reasonKey) {
        return new CheckResult(check, Double.NaN, "", "", Verdict.NOT_MEASURED, null, reasonKey);
    }

    public boolean measured() {
        return verdict != Verdict.NOT_MEASURED;
    }
}
