package kz.qujat.inspect;

/** Turns a measured value into a {@link CheckResult} with the configured band; one place for the wording. */
final class Judge {
    private final Thresholds thresholds;

    Judge(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    CheckResult measure(String check, double value, String unit, Area area) {
        Band band = thresholds.band(check);
        Verdict v = band.judge(value);
        return new CheckResult(check, value, unit, band.describe(), v, area,
                "inspect." + check + "." + v.name().toLowerCase());
    }

    Thresholds thresholds() {
        return thresholds;
    }
}
