package kz.qujat.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import kz.qujat.inspect.Area;
import kz.qujat.inspect.CheckResult;
import kz.qujat.inspect.Explanations;
import kz.qujat.inspect.FaceLandmarks;
import kz.qujat.inspect.Report;

/** A check report as JSON that any script can read: every check with value, threshold, verdict and region. */
final class InspectionJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private InspectionJson() {
    }

    static ObjectNode of(Report report, Locale locale) {
        ObjectNode out = F.objectNode();
        if (report.header() != null) {
            out.put("format", report.header().format().name());
            out.put("width", report.header().width());
            out.put("height", report.header().height());
            out.put("bytes", report.header().bytes());
        }
        FaceLandmarks f = report.landmarks();
        if (f != null) {
            ObjectNode face = out.putObject("face");
            face.set("box", area(f.faceBox()));
            face.set("leftEye", point(f.leftEye()));
            face.set("rightEye", point(f.rightEye()));
            face.set("chin", point(f.chin()));
            face.set("crown", point(f.crown()));
            face.put("facesFound", f.facesFound());
            face.put("manual", f.manual());
        }
        out.put("worst", report.worst().name());
        ArrayNode checks = out.putArray("checks");
        for (CheckResult c : report.checks()) {
            ObjectNode n = checks.addObject();
            n.put("name", c.check());
            if (Double.isNaN(c.value())) {
                n.putNull("value");
            } else {
                n.put("value", Math.round(c.value() * 1000) / 1000.0);
            }
            n.put("unit", c.unit());
            n.put("threshold", c.threshold());
            n.put("verdict", c.verdict().name());
            n.set("region", area(c.area()));
            n.put("explanation", Explanations.text(c, locale));
        }
        return out;
    }

    private static ObjectNode point(FaceLandmarks.Point p) {
        if (p == null) {
            return null;
        }
        ObjectNode n = F.objectNode();
        n.put("x", Math.round(p.x() * 10) / 10.0);
        n.put("y", Math.round(p.y() * 10) / 10.0);
        return n;
    }

    private static ObjectNode area(Area a) {
        if (a == null) {
            return null;
        }
        ObjectNode n = F.objectNode();
        n.put("x", a.x());
        n.put("y", a.y());
        n.put("width", a.width());
        n.put("height", a.height());
        return n;
    }
}
