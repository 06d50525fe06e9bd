package kz.qujat.inspect;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.pyrDown;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import java.util.Comparator;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * dlib's face descriptor (a ResNet giving 128 numbers per face; public-domain weights, shipped as ONNX with its
 * provenance in {@code models/PROVENANCE.md}). The face is aligned exactly as the model expects: a least-squares
 * similarity transform (Umeyama) of YuNet's five points onto the model's template, after halving the image
 * (pyrDown) while the chip's footprint is at least 300 px, bilinear, black border, into a 150×150 RGB chip.
 * Two faces are compared by the Euclidean distance of their descriptors (smaller: more alike). The alignment runs in
 * OpenCV, the network in ONNX Runtime ({@link OnnxNetworks}). Not thread-safe: give each thread its own descriptor.
 */
public final class FaceDescriptor {
    static final String MODEL = "models/dlib_face_recognition_resnet.onnx";
    static final int CHIP = 150;
    /** Numbers in a descriptor. */
    public static final int LENGTH = 128;
    /**
     * The revision of what this class does to a face before the network (alignment, scaling, chip): part of
     * {@link SamePerson#model()}, so that descriptors kept with register records are made again after a change.
     * Raise it with any change here that changes a descriptor.
     */
    static final int ALIGNMENT = 1;
    /** Template in chip pixels: image-left eye, image-right eye, nose tip, image-left and image-right mouth corner. */
    private static final double[][] TEMPLATE = {{47.549, 46.599}, {100.476, 46.599}, {74.013, 76.563},
        {50.415, 103.023}, {97.610, 103.023}};

    private final OrtSession net;

    public FaceDescriptor() {
        OpenCvNatives.load();
        this.net = OnnxNetworks.session(MODEL);
    }

    /** The 128 numbers of the face at {@code points} in {@code image}. */
    public float[] describe(Raster image, FaceLandmarks.FivePoints points) {
        try (Mat chip = chip(image, points)) {
            return network(chip);
        }
    }

    /** The network's 128 numbers for an aligned 150×150 BGR chip. */
    float[] network(Mat chip) {
        return OnnxNetworks.run(net, "input", rgbPlanes(chip), new long[] {1, 3, CHIP, CHIP},
                result -> OnnxNetworks.floats(result, "descriptor"));
    }

    /** The aligned 150×150 8-bit BGR chip of the face at {@code points} in {@code image}; the caller closes it. */
    static Mat chip(Raster image, FaceLandmarks.FivePoints points) {
        double[][] src = ordered(points);
        double[] t = similarity(src);
        double footprint = CHIP / Math.hypot(t[0], t[1]);
        // the region of the photo the chip covers (with a margin), cut at even coordinates so halving keeps its grid
        double[][] corners = {inverse(t, 0, 0), inverse(t, CHIP, 0), inverse(t, 0, CHIP), inverse(t, CHIP, CHIP)};
        int x0 = (int) Math.floor(Arrays.stream(corners).mapToDouble(c -> c[0]).min().orElseThrow()) - 8;
        int y0 = (int) Math.floor(Arrays.stream(corners).mapToDouble(c -> c[1]).min().orElseThrow()) - 8;
        int x1 = (int) Math.ceil(Arrays.stream(corners).mapToDouble(c -> c[0]).max().orElseThrow()) + 8;
        int y1 = (int) Math.ceil(Arrays.stream(corners).mapToDouble(c -> c[1]).max().orElseThrow()) + 8;
        x0 = Math.max(0, x0 & ~1);
        y0 = Math.max(0, y0 & ~1);
        Area region = new Area(x0, y0, Math.min(image.width(), x1) - x0, Math.min(image.height(), y1) - y0);
        if (region.isEmpty()) {
            throw new IllegalArgumentException("the face lies outside the photo");
        }
        for (double[] p : src) {
            p[0] -= region.x();
            p[1] -= region.y();
        }
        Mat img = YuNetFaceFinder.Bgr.of(image.crop(region));
        try {
            while (footprint >= 300) {
                Mat half = new Mat();
                pyrDown(img, half);
                img.close();
                img = half;
                for (double[] p : src) {
                    // pyrDown maps pixel 2i to i: centres (i + 0.5) halve
                    p[0] = (p[0] + 0.5) / 2 - 0.5;
                    p[1] = (p[1] + 0.5) / 2 - 0.5;
                }
                t = similarity(src);
                footprint = CHIP / Math.hypot(t[0], t[1]);
            }
            Mat chip = new Mat();
            try (Mat m = new Mat(2, 3, opencv_core.CV_64F); Size size = new Size(CHIP, CHIP);
                 Scalar black = new Scalar(0.0)) {
                try (DoubleIndexer ix = m.createIndexer()) {
                    ix.put(0, 0, t[0]);
                    ix.put(0, 1, -t[1]);
                    ix.put(0, 2, t[2]);
                    ix.put(1, 0, t[1]);
                    ix.put(1, 1, t[0]);
                    ix.put(1, 2, t[3]);
                }
                warpAffine(img, chip, m, size, INTER_LINEAR, opencv_core.BORDER_CONSTANT, black);
                return chip;
            } catch (RuntimeException e) {
                chip.close();
                throw e;
            }
        } finally {
            img.close();
        }
    }

    /**
     * The 150×150 BGR chip as the network takes it: planes of red, green and blue, 0–255 as floats (what OpenCV's
     * {@code blobFromImage} with swapRB makes of it; the network folds the mean and scale into its first layer).
     */
    static float[] rgbPlanes(Mat chip) {
        int plane = CHIP * CHIP;
        float[] data = new float[3 * plane];
        try (UByteIndexer px = chip.createIndexer()) {
            for (int y = 0; y < CHIP; y++) {
                for (int x = 0; x < CHIP; x++) {
                    int k = y * CHIP + x;
                    data[k] = px.get(y, x, 2);
                    data[plane + k] = px.get(y, x, 1);
                    data[2 * plane + k] = px.get(y, x, 0);
                }
            }
        }
        return data;
    }

    public static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** The five points in the template's order: eyes by x, nose, mouth corners by x. */
    private static double[][] ordered(FaceLandmarks.FivePoints p) {
        FaceLandmarks.Point[] eyes = {p.leftEye(), p.rightEye()};
        FaceLandmarks.Point[] mouth = {p.mouthLeft(), p.mouthRight()};
        Arrays.sort(eyes, Comparator.comparingDouble(FaceLandmarks.Point::x));
        Arrays.sort(mouth, Comparator.comparingDouble(FaceLandmarks.Point::x));
        FaceLandmarks.Point[] all = {eyes[0], eyes[1], p.nose(), mouth[0], mouth[1]};
        double[][] out = new double[5][];
        for (int i = 0; i < 5; i++) {
            out[i] = new double[] {all[i].x(), all[i].y()};
        }
        return out;
    }

    /**
     * Least-squares similarity (Umeyama, no reflection) from {@code src} onto the template, as
     * {a, b, tx, ty}: x' = a x − b y + tx, y' = b x + a y + ty.
     */
    static double[] similarity(double[][] src) {
        int n = src.length;
        double mx = 0;
        double my = 0;
        double ux = 0;
        double uy = 0;
        for (int i = 0; i < n; i++) {
            mx += src[i][0] / n;
            my += src[i][1] / n;
            ux += TEMPLATE[i][0] / n;
            uy += TEMPLATE[i][1] / n;
        }
        double num1 = 0;
        double num2 = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double x = src[i][0] - mx;
            double y = src[i][1] - my;
            double u = TEMPLATE[i][0] - ux;
            double v = TEMPLATE[i][1] - uy;
            // (u + iv) ≈ (a + ib)(x + iy)
            num1 += x * u + y * v;
            num2 += x * v - y * u;
            den += x * x + y * y;
        }
        double a = num1 / den;
        double b = num2 / den;
        return new double[] {a, b, ux - (a * mx - b * my), uy - (b * mx + a * my)};
    }

    private static double[] inverse(double[] t, double u, double v) {
        double a = t[0];
        double b = t[1];
        double du = u - t[2];
        double dv = v - t[3];
        double k = a * a + b * b;
        return new double[] {(a * du + b * dv) / k, (-b * du + a * dv) / k};
    }
}
