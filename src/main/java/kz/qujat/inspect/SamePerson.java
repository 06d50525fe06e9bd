package kz.qujat.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Is the submitted photo the same person as the register's? Each face is found by YuNet, aligned by its five
 * points and described by {@link FaceDescriptor}; the distance of the two descriptors is judged against two
 * thresholds calibrated per group on the sample faces (see {@code thresholds.properties}): SAME at or below
 * the first, DIFFERENT above the second, UNSURE between. An aid for the officer, never a refusal.
 * Not thread-safe (the detector and the network hold state): lend instances from a {@link Pool}. At intake the
 * submitted photo is not decoded nor searched again: {@link #compare(Raster, FaceLandmarks, byte[])} takes the
 * photo suite's image and YuNet points; the register photo's descriptor comes from a shared {@link DescriptorCache}.
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

    /** How many pairs of one kind were measured, and how many were called SAME, UNSURE and DIFFERENT. */
    public record Counts(int pairs, int same, int unsure, int different) {
        static Counts of(java.util.Map<String, Integer> v) {
            Counts c = new Counts(v.getOrDefault("pairs", -1), v.getOrDefault("same", -1), v.getOrDefault("unsure", -1),
                    v.getOrDefault("different", -1));
            if (v.size() != 4 || c.same < 0 || c.unsure < 0 || c.different < 0
                    || c.pairs != c.same + c.unsure + c.different) {
                throw new IllegalArgumentException("counts need pairs, same, unsure, different: pairs = the sum");
            }
            return c;
        }
    }

    /**
     * The measured error rates of the thresholds in force on the sample faces (kept in {@code thresholds.properties}
     * and checked against a new measurement by a test): pairs of one person, pairs of two different people of the
     * same group (all groups), and those of the group where the check did worst.
     */
    public record Calibration(double sameAtMost, double differentAbove, Counts onePerson, Counts twoPeople,
                              Counts hardestGroup) {
        public static Calibration of(Thresholds t) {
            return new Calibration(t.number("face.samePerson.same"), t.number("face.samePerson.different"),
                    Counts.of(t.counts("face.samePerson.measured.onePerson")),
                    Counts.of(t.counts("face.samePerson.measured.twoPeople")),
                    Counts.of(t.counts("face.samePerson.measured.twoPeopleHardestGroup")));
        }

        /** Whether these rates were measured with the thresholds {@code same} and {@code different}. */
        public boolean measuredWith(double same, double different) {
            return Math.abs(same - sameAtMost) < 1e-9 && Math.abs(different - differentAbove) < 1e-9;
        }
    }

    /** Why the register's side has no face: the register holds no photo of the person. */
    public static final String NO_PHOTO = "inspect.samePerson.noPhoto";

    /**
     * What makes a descriptor from a photo: the YuNet model at its input size (without the pupil refinement), the
     * descriptor network and the alignment's revision, each model by its SHA-256. A descriptor kept with a register
     * record is compared only when made by this same model; otherwise the photo is described again.
     */
    public static String model() {
        return ModelVersion.VALUE;
    }

    private static final class ModelVersion {
        static final String VALUE = "yunet" + YuNetFaceFinder.INPUT + "-" + sha(YuNetFaceFinder.MODEL)
                + "+dlib-" + sha(FaceDescriptor.MODEL) + "+align" + FaceDescriptor.ALIGNMENT;

        private static String sha(String resource) {
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(YuNetFaceFinder.resource(resource));
                return java.util.HexFormat.of().formatHex(d, 0, 6);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }

    private final SafeImage decoder;
    private final YuNetFaceFinder finder;
    private final FaceDescriptor descriptor;
    private final double same;
    private final double different;
    private final DescriptorCache registerCache;

    public SamePerson(Thresholds thresholds) {
        this(thresholds, new DescriptorCache(1));
    }

    /** With a cache of register photos' descriptors (shared by the instances of a pool). */
    public SamePerson(Thresholds thresholds, DescriptorCache registerCache) {
        this(thresholds, new YuNetFaceFinder(false), new FaceDescriptor(), registerCache);
    }

    public SamePerson(Thresholds thresholds, YuNetFaceFinder finder, FaceDescriptor descriptor) {
        this(thresholds, finder, descriptor, new DescriptorCache(1));
    }

    public SamePerson(Thresholds thresholds, YuNetFaceFinder finder, FaceDescriptor descriptor,
                      DescriptorCache registerCache) {
        this.decoder = SafeImage.fromThresholds(thresholds);
        this.finder = finder;
        this.descriptor = descriptor;
        this.same = thresholds.number("face.samePerson.same");
        this.different = thresholds.number("face.samePerson.different");
        this.registerCache = registerCache;
    }

    /** Two photos as bytes: each decoded and searched here (the register's through the cache). */
    public Result compare(byte[] submitted, byte[] register) {
        List<Face> faces = new ArrayList<>();
        float[] a = describe(submitted, faces);
        return judge(a, register, faces);
    }

    /**
     * The submitted photo as the photo suite left it: its decoded image (null when it did not decode) and the
     * face it found ({@code face} null, or clicked by hand without YuNet's five points, means no face to align).
     */
    public Result compare(Raster submitted, FaceLandmarks face, byte[] register) {
        List<Face> faces = new ArrayList<>();
        float[] a = describeSubmitted(submitted, face, faces, true);
        return judge(a, register, faces);
    }

    private float[] describeSubmitted(Raster submitted, FaceLandmarks face, List<Face> faces, boolean describe) {
        if (submitted == null) {
            faces.add(new Face(false, null, Double.NaN, "inspect.samePerson.undecodable"));
            return null;
        }
        if (face == null || face.detected() == null) {
            faces.add(new Face(false, null, Double.NaN, "inspect.samePerson.noFace"));
            return null;
        }
        FaceLandmarks.FivePoints p = face.detected();
        faces.add(new Face(true, face.faceBox(), p.score(), null));
        return describe ? descriptor.describe(submitted, p) : null;
    }

    /**
     * As {@link #compare(Raster, FaceLandmarks, byte[])} with the register photo's face described before (when the
     * register record was fed, see {@link #describeRegister}); null means the register holds no photo. The register's
     * face is then known by its descriptor alone (no box nor score). Gives the same distance and verdict as comparing
     * with the photo's bytes, when {@code register} was made by the current {@link #model()}.
     */
    public Result compare(Raster submitted, FaceLandmarks face, RegisterFace register) {
        if (register != null && !register.current()) {
            throw new IllegalArgumentException("a register face made by another model: describe the photo again");
        }
        List<Face> faces = new ArrayList<>();
        RegisterFace r = register == null ? RegisterFace.noPhoto() : register;
        // with nothing to compare on the register's side the submitted face is found but not described: the result
        // (NOT_MEASURED and the register's reason) is the same
        float[] a = describeSubmitted(submitted, face, faces, r.descriptor() != null);
        faces.add(r.descriptor() == null ? new Face(false, null, Double.NaN, r.reasonKey())
                : new Face(true, null, Double.NaN, null));
        return judged(a, r.descriptor(), faces);
    }

    /**
     * The register photo's face, described once to be kept with the register record: {@code decoded} is the photo
     * already decoded by the feed's edge check (or null: decoded here).
     */
    public RegisterFace describeRegister(byte[] photo, SafeImage.Result decoded) {
        if (photo == null || photo.length == 0) {
            return RegisterFace.noPhoto();
        }
        SafeImage.Result r = decoder.decode(photo, decoded);
        if (!r.ok()) {
            return new RegisterFace(model(), null, "inspect.samePerson.undecodable");
        }
        List<Face> one = new ArrayList<>();
        float[] d = describe(new Raster(r.image()), one);
        return new RegisterFace(model(), d, d == null ? one.get(0).reasonKey() : null);
    }

    private Result judge(float[] a, byte[] register, List<Face> faces) {
        float[] b;
        if (register == null || register.length == 0) {
            b = describe(register, faces);
        } else {
            DescriptorCache.Entry e = registerCache.get(register, () -> {
                List<Face> one = new ArrayList<>();
                float[] d = describe(register, one);
                return new DescriptorCache.Entry(d, one.get(0));
            });
            faces.add(e.face());
            b = e.descriptor();
        }
        return judged(a, b, faces);
    }

    private Result judged(float[] a, float[] b, List<Face> faces) {
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
            faces.add(new Face(false, null, Double.NaN, NO_PHOTO));
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
