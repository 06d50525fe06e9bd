package kz.qujat.inspect;

import java.util.ArrayList;
import java.util.List;

/** Face geometry checks (ICAO/ISO 19794-5) computed from eye centres and, when known, chin and crown. */
final class GeometryChecks {
    static final String[] NAMES = {"photo.oneFace", "photo.ied", "photo.roll", "photo.eyeLine", "photo.centring",
        "photo.headHeight", "photo.margins"};
    private final Judge judge;

    GeometryChecks(Judge judge) {
        this.judge = judge;
    }

    List<CheckResult> notMeasured(String reasonKey) {
        List<CheckResult> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(CheckResult.notMeasured(n, reasonKey));
        }
        return out;
    }

    List<CheckResult> run(FaceLandmarks f, int w, int h) {
        List<CheckResult> out = new ArrayList<>();
        Area box = f.faceBox();
        out.add(new CheckResult("photo.oneFace", f.facesFound(), "", "exactly 1",
                f.facesFound() == 1 ? Verdict.PASS : Verdict.FAIL, box,
                f.facesFound() == 1 ? "inspect.photo.oneFace.pass" : "inspect.photo.oneFace.fail"));
        double ied = f.interEyeDistance();
        FaceLandmarks.Point mid = f.eyeMidpoint();
        Area eyes = eyeArea(f);
        out.add(judge.measure("photo.ied", ied, "px", eyes));
        out.add(judge.measure("photo.roll", f.rollDegrees(), "°", eyes));
        out.add(judge.measure("photo.eyeLine", (h - mid.y()) / h * 100, "%",
                new Area(0, (int) mid.y() - 2, w, 5)));
        out.add(judge.measure("photo.centring", Math.abs(mid.x() - w / 2.0) / w * 100, "%",
                new Area((int) Math.min(mid.x(), w / 2.0), 0, (int) Math.abs(mid.x() - w / 2.0) + 1, h)));
        if (f.chin() != null && f.crown() != null) {
            double head = f.chin().y() - f.crown().y();
            out.add(judge.measure("photo.headHeight", head / h * 100, "%",
                    new Area(0, (int) f.crown().y(), w, (int) head)));
        } else {
            out.add(CheckResult.notMeasured("photo.headHeight", "inspect.notMeasured.noChinCrown"));
        }
        out.add(margins(f, w, h));
        return out;
    }

    private CheckResult margins(FaceLandmarks f, int w, int h) {
        Thresholds t = judge.thresholds();
        double ied = f.interEyeDistance();
        double side = Math.min(Math.min(f.leftEye().x(), f.rightEye().x()), w - Math.max(f.leftEye().x(), f.rightEye().x()));
        double shortfall = shortfall(side, t.number("photo.margins.side") * ied);
        if (f.chin() != null) {
            FaceLandmarks.Point mid = f.eyeMidpoint();
            double chinDistance = f.chin().y() - mid.y();
            shortfall = Math.max(shortfall, shortfall(mid.y(), t.number("photo.margins.top") * chinDistance));
            shortfall = Math.max(shortfall, shortfall(h - mid.y(), t.number("photo.margins.bottom") * chinDistance));
        }
        return judge.measure("photo.margins", shortfall, "%", Area.whole(w, h));
    }

    /** How much shorter than required a margin is, in percent of the requirement (≤ 0: long enough). */
    private static double shortfall(double actual, double required) {
        return required <= 0 ? 0 : (required - actual) / required * 100;
    }

    private static Area eyeArea(FaceLandmarks f) {
        double ied = f.interEyeDistance();
        int x0 = (int) (Math.min(f.leftEye().x(), f.rightEye().x()) - ied * 0.25);
        int y0 = (int) (Math.min(f.leftEye().y(), f.rightEye().y()) - ied * 0.2);
        return new Area(x0, y0, (int) (ied * 1.5), (int) (Math.abs(f.rightEye().y() - f.leftEye().y()) + ied * 0.4));
    }
}
