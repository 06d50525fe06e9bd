package kz.qujat.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.FaceDetectorYN;

/**
 * Finds the face with YuNet (ShiqiYu/libfacedetection.train, Apache-2.0, shipped as a classpath resource)
 * through OpenCV's {@code FaceDetectorYN}: a box, five landmarks (eyes, nose tip, mouth corners) and a score.
 * Each eye centre is then refined to the pupil by the means-of-gradients method of {@link PupilLocator} in a
 * small window around YuNet's eye (more precise on the sample faces, see the README); the chin is estimated
 * from the mouth, the crown by scanning up to the plain background. YuNet sees a copy scaled to fit its fixed
 * {@value #INPUT}×{@value #INPUT} input. Not thread-safe: give each thread its own finder.
 */
public final class YuNetFaceFinder implements FaceFinder {
    static final String MODEL = "models/yunet_n_640_640.onnx";
    /**
     * The input YuNet is run at: the photo is scaled so that its longer side fits, and padded. The model's file is
     * made for 640×640, but the network is fully convolutional and runs at any multiple of 32; an ID photo's face
     * fills a third of the frame, so at 320 it is still over 100 px wide: four times faster, the same eye error after
     * the pupil refinement and the same same-person calibration on the sample faces (README).
     */
    static final int INPUT = 320;
    private static final float SCORE = 0.6f;
    /** A second face counts when it is at least this share of the largest face's width (a person, not a print). */
    private static final double SIMILAR_FACE = 0.5;
    /** Eye line to chin = this × eye line to mouth (adult proportions: pupil–stomion ≈ 68 mm, stomion–menton ≈ 48 mm). */
    static final double CHIN_FROM_MOUTH = 1.7;

    /** The pupil search window around YuNet's eye, and how far the pupil may be from it, in inter-eye distances. */
    private static final double WX = 0.3;
    private static final double WY = 0.25;
    private static final double ACCEPT = 0.2;
    private final FaceDetectorYN detector;
    private final boolean refinePupils;

    public YuNetFaceFinder() {
        this(true);
    }

    /** {@code refinePupils} false keeps YuNet's own eye points (for the evaluation's before/after). */
    public YuNetFaceFinder(boolean refinePupils) {
        this.refinePupils = refinePupils;
        OpenCvNatives.load();
        byte[] model = resource(MODEL);
        try (BytePointer framework = new BytePointer("onnx"); Size size = new Size(INPUT, INPUT)) {
            this.detector = FaceDetectorYN.create(framework, model, new byte[0], size, SCORE, 0.3f, 50, 0, 0);
        }
        if (detector == null || detector.isNull()) {
            throw new IllegalStateException("the YuNet face detector could not be loaded");
        }
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
        List<Detection> out = new ArrayList<>();
        try (Mat bgr = Bgr.of(small, INPUT, INPUT); Mat faces = new Mat()) {
            detector.detect(bgr, faces);
            if (faces.rows() > 0) {
                try (FloatIndexer f = faces.createIndexer()) {
                    for (int i = 0; i < faces.rows(); i++) {
                        Area box = new Area((int) (f.get(i, 0) * inv), (int) (f.get(i, 1) * inv),
                                (int) (f.get(i, 2) * inv), (int) (f.get(i, 3) * inv));
                        FaceLandmarks.FivePoints p = new FaceLandmarks.FivePoints(
                                pt(f, i, 4, inv), pt(f, i, 6, inv), pt(f, i, 8, inv), pt(f, i, 10, inv),
                                pt(f, i, 12, inv), f.get(i, 14));
                        out.add(new Detection(box, p));
                    }
                }
            }
        }
        out.sort(Comparator.comparingInt((Detection d) -> d.box().width()).reversed());
        return out;
    }

    private static FaceLandmarks.Point pt(FloatIndexer f, int row, int col, double inv) {
        // YuNet's pixel coordinates on the scaled copy: pixel centres sit at (i + 0.5) · factor in the original
        return new FaceLandmarks.Point((f.get(row, col) + 0.5) * inv - 0.5, (f.get(row, col + 1) + 0.5) * inv - 0.5);
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
