package kz.qujat.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Is the submitted photo the same person as the register's? Each face is found by YuNet, aligned by its five
 * points and described by {@link FaceDescriptor}; the distance of the two descriptors is judged against two
 * thresholds calibrated per group on the sample faces (see {@code thresholds.properties}): SAME at or below
 * the first, DIFFERENT above the second, UNSURE between. An aid for the officer, never a refusal.
 * Not thread-safe (the detector and the network hold state): give each thread its own.
 */
public final class SamePerson {
    public enum Verdict { SAME, UNSURE, DIFFERENT, NOT_MEASURED }

    /** One photo's face: found or not (with the reason key), its box and YuNet's score. */
    public record Face(boolean found, Area box, double score, String reasonKey) {
    }

    /** The comparison: distance (NaN when not measured), verdict, the thresholds used, both faces. */
    public record Result(double distance, Verdict verdict, double sameAtMost, double differentAbove, List<Face> faces,
                         String reasonKey) {
        public String thresholdText() {
            return String.format(Locale.ROOT, "SAME <= %.2f < UNSURE <= %.2f < DIFFERENT", sameAtMost, differentAbove);
        }
    }

    private final SafeImage decoder;
    private final YuNetFaceFinder finder;
    private final FaceDescriptor descriptor;
    private final double same;
    private final double different;

    public SamePerson(Thresholds thresholds) {
        this(thresholds, new YuNetFaceFinder(false), new FaceDescriptor());
    }

    public SamePerson(Thresholds thresholds, YuNetFaceFinder finder, FaceDescriptor descriptor) {
        this.decoder = SafeImage.fromThresholds(thresholds);
        this.finder = finder;
        this.descriptor = descriptor;
        this.same = thresholds.number("face.samePerson.same");
        this.different = thresholds.number("face.samePerson.different");
    }

    public Result compare(byte[] submitted, byte[] register) {
        List<Face> faces = new ArrayList<>();
        float[] a = describe(submitted, faces);
        float[] b = describe(register, faces);
        if (a == null || b == null) {
            String reason = faces.stream().filter(f -> !f.found()).map(Face::reasonKey).findFirst().orElseThrow();
            return new Result(Double.NaN, Verdict.NOT_MEASURED, same, different, faces, reason);
        }
        double d = FaceDescriptor.distance(a, b);
        Verdict v = d <= same ? Verdict.SAME : d > different ? Verdict.DIFFERENT : Verdict.UNSURE;
        return new Result(d, v, same, different, faces, "inspect.samePerson." + v.name().toLowerCase(Locale.ROOT));
    }

    /** The descriptor of the largest face of a photo, or null (with the reason in {@code faces}). */
    private float[] describe(byte[] photo, List<Face> faces) {
        if (photo == null || photo.length == 0) {
            faces.add(new Face(false, null, Double.NaN, "inspect.samePerson.noPhoto"));
            return null;
        }
        SafeImage.Result decoded = decoder.decode(photo);
        if (!decoded.ok()) {
            faces.add(new Face(false, null, Double.NaN, "inspect.samePerson.undecodable"));
            return null;
        }
        Raster r = new Raster(decoded.image());
        return describe(r, faces);
    }

    /** As {@link #compare} for a decoded image: the descriptor of its largest face, or null. */
    public float[] describe(Raster r, List<Face> faces) {
        List<YuNetFaceFinder.Detection> found = finder.detections(r);
        if (found.isEmpty()) {
            faces.add(new Face(false, null, Double.NaN, "inspect.samePerson.noFace"));
            return null;
        }
        YuNetFaceFinder.Detection best = found.get(0);
        faces.add(new Face(true, best.box().clip(r.width(), r.height()), best.points().score(), null));
        return descriptor.describe(r, best.points());
    }
}
