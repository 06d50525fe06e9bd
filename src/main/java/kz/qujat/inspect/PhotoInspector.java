package kz.qujat.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every photo check of PHOTO-SIGNATURE.md on untrusted bytes. Eye centres come from the face finder,
 * or from points the officer clicked; without them the face checks say NOT_MEASURED.
 */
public final class PhotoInspector {
    /** Below this many pixels a side, the background squares and the face regions do not fit in the photo. */
    static final int MIN_SIDE = 16;
    private final Thresholds thresholds;
    private final SafeImage decoder;
    private final FaceFinder finder;
    private final Judge judge;

    public PhotoInspector(Thresholds thresholds, FaceFinder finder) {
        this.thresholds = thresholds;
        this.decoder = SafeImage.fromThresholds(thresholds);
        this.finder = finder;
        this.judge = new Judge(thresholds);
    }

    public Report inspect(byte[] bytes) {
        return inspect(bytes, null);
    }

    /** The report and the decoded image it was measured on (null when the bytes did not decode). */
    public record Inspected(Report report, Raster image) {
    }

    /** As {@link #inspect(byte[])}, keeping the decoded image for a further measure (the same-person check). */
    public Inspected inspectKeeping(byte[] bytes) {
        return run(bytes, null, null);
    }

    /**
     * As {@link #inspectKeeping(byte[])} with the bytes already decoded by {@link SafeImage} (intake's edge check
     * decodes them to refuse a damaged file): not decoded a second time (see {@link SafeImage#decode(byte[], SafeImage.Result)}).
     */
    public Inspected inspectKeeping(byte[] bytes, SafeImage.Result decoded) {
        return run(bytes, decoded, null);
    }

    /** With {@code manual} points (clicked by the officer) the detector is not asked. */
    public Report inspect(byte[] bytes, FaceLandmarks manual) {
        return run(bytes, null, manual).report();
    }

    private Inspected run(byte[] bytes, SafeImage.Result already, FaceLandmarks manual) {
        SafeImage.Result decoded = decoder.decode(bytes, already);
        List<CheckResult> out = new ArrayList<>();
        out.add(FormatChecks.decodable(decoded));
        GeometryChecks geometry = new GeometryChecks(judge);
        LightChecks light = new LightChecks(judge);
        if (!decoded.ok()) {
            out.addAll(geometry.notMeasured("inspect.notMeasured.undecodable"));
            for (String n : LightChecks.FACE_CHECKS) {
                out.add(CheckResult.notMeasured(n, "inspect.notMeasured.undecodable"));
            }
            return new Inspected(new Report(decoded.header(), null, out), null);
        }
        Raster raster = new Raster(decoded.image());
        out.addAll(new FormatChecks(judge).run(bytes, decoded.header(), raster));
        if (raster.width() < MIN_SIDE || raster.height() < MIN_SIDE) {
            // a line or a speck of pixels: the resolution check above already fails it; nothing else can be measured
            for (String n : LightChecks.BACKGROUND_CHECKS) {
                out.add(CheckResult.notMeasured(n, "inspect.notMeasured.tooSmall"));
            }
            out.addAll(geometry.notMeasured("inspect.notMeasured.tooSmall"));
            for (String n : LightChecks.FACE_CHECKS) {
                out.add(CheckResult.notMeasured(n, "inspect.notMeasured.tooSmall"));
            }
            return new Inspected(new Report(decoded.header(), null, out), raster);
        }
        FaceLandmarks face = manual != null ? manual : finder.find(raster).orElse(null);
        out.addAll(light.background(raster, face));
        if (face == null) {
            out.addAll(geometry.notMeasured("inspect.notMeasured.noFace"));
            for (String n : LightChecks.FACE_CHECKS) {
                out.add(n.equals("photo.exposure") ? light.exposureWithoutFace(raster)
                        : CheckResult.notMeasured(n, "inspect.notMeasured.noFace"));
            }
        } else {
            out.addAll(geometry.run(face, raster.width(), raster.height()));
            out.addAll(light.face(raster, face));
        }
        return new Inspected(new Report(decoded.header(), face, out), raster);
    }

    public Thresholds thresholds() {
        return thresholds;
    }
}
