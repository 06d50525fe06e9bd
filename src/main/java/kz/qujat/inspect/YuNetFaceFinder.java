package kz.qujat.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds the face with YuNet (ShiqiYu/libfacedetection.train, Apache-2.0, shipped as a classpath resource), run by
 * ONNX Runtime ({@link OnnxNetworks}) and decoded here as OpenCV's {@code FaceDetectorYN} decodes it: a box, five
 * landmarks (eyes, nose tip, mouth corners) and a score per face, overlapping boxes suppressed.
 * Each eye centre is then refined to the pupil by the means-of-gradients method of {@link PupilLocator} in a
 * small window around YuNet's eye (more precise on the sample faces, see the README); the chin is estimated
 * from the mouth, the crown by scanning up to the plain background. YuNet sees a copy scaled to fit its
 * {@value #INPUT}×{@value #INPUT} input. Not thread-safe: give each thread its own finder.
 */
public final class YuNetFaceFinder implements FaceFinder {
    /** The model with a free input size (the same network and weights as the 640×640 file OpenCV needed). */
    static final String MODEL = "models/yunet_n_dynamic.onnx";
    /**
     * The input YuNet is run at: the photo is scaled so that its longer side fits, and padded. The network is fully
     * convolutional and runs at any multiple of 32; an ID photo's face fills a third of the frame, so at 320 it is
     * still over 100 px wide: four times faster than 640, the same eye error after the pupil refinement and the same
     * same-person calibration on the sample faces (README).
     */
    static final int INPUT = 320;
    private static final float SCORE = 0.6f;
    /** Overlapping detections: a box overlapping a better one by more than this (intersection over union) goes. */
    private static final float NMS = 0.3f;
    /** At most this many candidates, the best first, go into the suppression (as OpenCV's top-k). */
    private static final int TOP_K = 50;
    private static final int[] STRIDES = {8, 16, 32};
    /** A second face counts when it is at least this share of the largest face's width (a person, not a print). */
    private static final double SIMILAR_FACE = 0.5;
    /** Eye line to chin = this × eye line to mouth (adult proportions: pupil–stomion ≈ 68 mm, stomion–menton ≈ 48 mm). */
    static final double CHIN_FROM_MOUTH = 1.7;

    /** The pupil search window around YuNet's eye, and how far the pupil may be from it, in inter-eye distances. */
    private static final double WX = 0.3;
    private static final double WY = 0.25;
    private static final double ACCEPT = 0.2;
    private final OrtSession detector;
    private final boolean refinePupils;

    public YuNetFaceFinder() {
        this(true);
    }

    /** {@code refinePupils} false keeps YuNet's own eye points (for the evaluation's before/after). */
    public YuNetFaceFinder(boolean refinePupils) {
        this.refinePupils = refinePupils;
        OpenCvNatives.load();
        this.detector = OnnxNetworks.session(MODEL);
    }

    static byte[] resource(String name) {
        try (InputStream in = YuNetFaceFinder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One detection in the working copy's pixels: box, five points, score. */
    record Detection(Area box, FaceLandmarks.FivePoints points) {
    }

    /** Every face YuNet sees, in the coordinates of {@code image}, largest first. */
    public List<FaceLandmarks.FivePoints> detectAll(Raster image) {
        return detections(image).stream().map(Detection::points).toList();
    }

    List<Detection> detections(Raster image) {
        int factor = (int) Math.ceil((double) Math.max(image.width(), image.height()) / INPUT);
        Raster small = factor <= 1 ? image : image.downscaled(Math.max(1, image.width() / factor));
        double inv = (double) image.width() / small.width();
        float[][] faces = network(small);
        List<Detection> out = new ArrayList<>();
        for (float[] f : faces) {
            Area box = new Area((int) (f[0] * inv), (int) (f[1] * inv), (int) (f[2] * inv), (int) (f[3] * inv));
            out.add(new Detection(box, new FaceLandmarks.FivePoints(pt(f, 4, inv), pt(f, 6, inv), pt(f, 8, inv),
                    pt(f, 10, inv), pt(f, 12, inv), f[14])));
        }
        out.sort(Comparator.comparingInt((Detection d) -> d.box().width()).reversed());
        return out;
    }

    /** YuNet's faces in a raster that fits its input, in the raster's pixels (see {@link #decode}). */
    float[][] network(Raster small) {
        return OnnxNetworks.run(detector, "input", blob(small), new long[] {1, 3, INPUT, INPUT},
                YuNetFaceFinder::decode);
    }

    /**
     * The raster at the top left of the black {@value #INPUT}×{@value #INPUT} input, as the network takes it: planes
     * of blue, green and red, 0–255 as floats (what OpenCV's {@code blobFromImage} makes of an 8-bit BGR image).
     */
    static float[] blob(Raster r) {
        int plane = INPUT * INPUT;
        float[] data = new float[3 * plane];
        int[] px = r.pixels();
        int rw = r.width();
        int cols = Math.min(INPUT, rw);
        for (int y = 0; y < Math.min(INPUT, r.height()); y++) {
            for (int x = 0, i = y * rw, k = y * INPUT; x < cols; x++, i++, k++) {
                int p = px[i];
                data[k] = p & 0xff;
                data[plane + k] = (p >> 8) & 0xff;
                data[2 * plane + k] = (p >> 16) & 0xff;
            }
        }
        return data;
    }

    /**
     * The faces in one run's outputs, in input pixels, each {x, y, w, h, then the five points' x and y, score}:
     * for each stride's grid cell the score is √(class × objectness), each clamped to [0, 1]; a cell at or above
     * {@value #SCORE} gives a box centred at (cell + offset) · stride, exp(size) · stride wide and high, and its
     * points at (cell + offset) · stride; then overlapping boxes are suppressed, best score first.
     */
    static float[][] decode(OrtSession.Result result) throws OrtException {
        List<float[]> found = new ArrayList<>();
        for (int stride : STRIDES) {
            float[] cls = OnnxNetworks.floats(result, "cls_" + stride);
            float[] obj = OnnxNetworks.floats(result, "obj_" + stride);
            float[] bbox = OnnxNetworks.floats(result, "bbox_" + stride);
            float[] kps = OnnxNetworks.floats(result, "kps_" + stride);
            int cols = INPUT / stride;
            int rows = INPUT / stride;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int idx = r * cols + c;
                    float score = (float) Math.sqrt(clamp(cls[idx]) * clamp(obj[idx]));
                    if (score < SCORE) {
                        continue;
                    }
                    float[] f = new float[15];
                    float cx = (c + bbox[idx * 4]) * stride;
                    float cy = (r + bbox[idx * 4 + 1]) * stride;
                    float w = (float) Math.exp(bbox[idx * 4 + 2]) * stride;
                    float h = (float) Math.exp(bbox[idx * 4 + 3]) * stride;
                    f[0] = cx - w / 2f;
                    f[1] = cy - h / 2f;
                    f[2] = w;
                    f[3] = h;
                    for (int n = 0; n < 5; n++) {
                        f[4 + 2 * n] = (kps[idx * 10 + 2 * n] + c) * stride;
                        f[5 + 2 * n] = (kps[idx * 10 + 2 * n + 1] + r) * stride;
                    }
                    f[14] = score;
                    found.add(f);
                }
            }
        }
        return suppressed(found);
    }

    private static float clamp(float v) {
        return Math.min(1f, Math.max(0f, v));
    }

    /**
     * Greedy suppression as OpenCV's {@code NMSBoxes} does it: candidates by score, best first (ties in the order
     * found), at most {@value #TOP_K}; each is kept unless its whole-pixel box overlaps a kept one by more than
     * {@value #NMS} (intersection over union).
     */
    static float[][] suppressed(List<float[]> found) {
        List<float[]> order = new ArrayList<>(found);
        order.sort(Comparator.comparingDouble((float[] f) -> f[14]).reversed());
        if (order.size() > TOP_K) {
            order = order.subList(0, TOP_K);
        }
        List<float[]> kept = new ArrayList<>();
        for (float[] f : order) {
            boolean keep = true;
            for (float[] k : kept) {
                if (overlap(f, k) > NMS) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                kept.add(f);
            }
        }
        return kept.toArray(new float[0][]);
    }

    /** Intersection over union of two boxes cut to whole pixels (x, y, width, height as int), as OpenCV's Rect2i. */
    private static double overlap(float[] a, float[] b) {
        int ax = (int) a[0];
        int ay = (int) a[1];
        int aw = (int) a[2];
        int ah = (int) a[3];
        int bx = (int) b[0];
        int by = (int) b[1];
        int bw = (int) b[2];
        int bh = (int) b[3];
        int iw = Math.min(ax + aw, bx + bw) - Math.max(ax, bx);
        int ih = Math.min(ay + ah, by + bh) - Math.max(ay, by);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = (double) iw * ih;
        return inter / ((double) aw * ah + (double) bw * bh - inter);
    }

    private static FaceLandmarks.Point pt(float[] f, int col, double inv) {
        // YuNet's pixel coordinates on the scaled copy: pixel centres sit at (i + 0.5) · factor in the original
        return new FaceLandmarks.Point((f[col] + 0.5) * inv - 0.5, (f[col + 1] + 0.5) * inv - 0.5);
    }

    @Override
    public Optional<FaceLandmarks> find(Raster image) {
        List<Detection> found = detections(image);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Detection best = found.get(0);
        int similar = (int) found.stream().filter(d -> d.box().width() >= SIMILAR_FACE * best.box().width()).count();
        FaceLandmarks.FivePoints p = best.points();
        // YuNet's "right eye" is the subject's right, on the image's left; order by x to be sure
        FaceLandmarks.Point left = p.leftEye().x() <= p.rightEye().x() ? p.leftEye() : p.rightEye();
        FaceLandmarks.Point right = left == p.leftEye() ? p.rightEye() : p.leftEye();
        if (refinePupils) {
            left = refine(image, left, right);
            right = refine(image, right, left);
        }
        double ied = left.distance(right);
        if (ied < 4) {
            return Optional.empty();
        }
        FaceLandmarks.Point mid = new FaceLandmarks.Point((left.x() + right.x()) / 2, (left.y() + right.y()) / 2);
        FaceLandmarks.Point mouth = new FaceLandmarks.Point((p.mouthLeft().x() + p.mouthRight().x()) / 2,
                (p.mouthLeft().y() + p.mouthRight().y()) / 2);
        FaceLandmarks.Point chin = new FaceLandmarks.Point(mid.x() + CHIN_FROM_MOUTH * (mouth.x() - mid.x()),
                mid.y() + CHIN_FROM_MOUTH * (mouth.y() - mid.y()));
        FaceLandmarks.Point crown = Crown.find(image, mid, ied);
        return Optional.of(new FaceLandmarks(left, right, chin, crown,
                best.box().clip(image.width(), image.height()), similar, false, p));
    }

    /**
     * The pupil near YuNet's eye point: the means-of-gradients centre in a window {@value #WX} × {@value #WY} of
     * the inter-eye distance around it, kept only if it lies within {@value #ACCEPT} IED of YuNet's point (else
     * YuNet's point stays). On the sample faces this halves YuNet's eye error (see the README).
     */
    private static FaceLandmarks.Point refine(Raster image, FaceLandmarks.Point eye, FaceLandmarks.Point other) {
        double ied = eye.distance(other);
        int w = (int) Math.max(8, WX * ied);
        int h = (int) Math.max(6, WY * ied);
        Area window = new Area((int) (eye.x() - w / 2.0), (int) (eye.y() - h / 2.0), w, h)
                .clip(image.width(), image.height());
        if (window.isEmpty() || window.width() < 8 || window.height() < 6) {
            return eye;
        }
        Raster patch = image.crop(window);
        FaceLandmarks.Point c = PupilLocator.centre(Grey.of(patch), patch.width(), patch.height(),
                new Area(0, 0, patch.width(), patch.height()));
        FaceLandmarks.Point refined = new FaceLandmarks.Point(window.x() + c.x(), window.y() + c.y());
        return refined.distance(eye) <= ACCEPT * ied ? refined : eye;
    }

    /** 8-bit BGR matrices, as OpenCV's networks want them. */
    static final class Bgr {
        private Bgr() {
        }

        static Mat of(Raster r) {
            return of(r, r.width(), r.height());
        }

        /** The raster at the top left of a {@code w} × {@code h} black matrix. */
        static Mat of(Raster r, int w, int h) {
            byte[] data = new byte[w * h * 3];
            int[] px = r.pixels();
            int rw = r.width();
            int cols = Math.min(w, rw);
            for (int y = 0; y < Math.min(h, r.height()); y++) {
                int k = y * w * 3;
                for (int x = 0, i = y * rw; x < cols; x++, i++) {
                    int p = px[i];
                    data[k++] = (byte) p;
                    data[k++] = (byte) (p >> 8);
                    data[k++] = (byte) (p >> 16);
                }
            }
            Mat m = new Mat(h, w, opencv_core.CV_8UC3);
            m.data().put(data);
            return m;
        }
    }
}
