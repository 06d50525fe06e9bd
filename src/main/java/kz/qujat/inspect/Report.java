package kz.qujat.inspect;

import java.util.List;

/** The checks of one image, in a fixed order, with the header facts and the face points they used. */
public record Report(SafeImage.Header header, FaceLandmarks landmarks, List<CheckResult> checks) {
    public Report {
        checks = List.copyOf(checks);
    }

    /** The worst verdict among measured checks (NOT_MEASURED does not count as a pass or a failure). */
    public Verdict worst() {
        Verdict worst = Verdict.PASS;
        for (CheckResult c : checks) {
            if (c.verdict() == Verdict.FAIL) {
                return Verdict.FAIL;
            }
            if (c.verdict() == Verdict.WARN) {
                worst = Verdict.WARN;
            }
        }
        return worst;
    }

    public CheckResult check(String name) {
        return checks.stream().filter(c -> c.check().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + name));
    }
}
