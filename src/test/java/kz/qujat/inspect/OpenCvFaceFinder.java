package kz.qujat.inspect;

import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Finds the face with OpenCV's Haar cascade (shipped inside the bytedeco jars), then each eye centre by
 * the gradient method of {@link PupilLocator} inside the eye region of the face, and the crown by
 * scanning up to the plain background. Works on a copy averaged down to at most {@value #WORK_WIDTH} px wide.
 * Not thread-safe: OpenCV classifiers hold state; give each thread its own finder. The detector of Qujat's first
 * version, kept with the tests as the bar YuNet must clear (DetectorAccuracyTest) and for tests of the checks on
 * detected points; the product no longer carries OpenCV's objdetect module.
 */
public final class OpenCvFaceFinder implements FaceFinder {
    private static final int WORK_WIDTH = 320;
    private static final int PUPIL_WIDTH = 320;
    /** A second face counts when it is at least this share of the largest face's width (a person, not a print). */
    private static final double SIMILAR_FACE = 0.5;

    private final CascadeClassifier faces;

    public OpenCvFaceFinder() {
        OpenCvObjdetect.load();
        this.faces = new CascadeClassifier(cascade("haarcascades/haarcascade_frontalface_default.xml").getAbsolutePath());
        if (faces.empty()) {
            throw new IllegalStateException("the OpenCV face cascade could not be loaded");
        }
    }

    private static File cascade(String name) {
        try {
            String path = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/" + name;
            return Loader.cacheResource(OpenCvFaceFinder.class, path);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenCV cascade " + name + " is not available on this platform", e);
        }
    }

    /** The frontal-face cascade's detection window is 24x24 pixels. */
    private static final int CASCADE_WINDOW = 24;

    @Override
    public Optional<FaceLandmarks> find(Raster image) {
        // via the background checks' working copy, so that the full photo is averaged down only once
        Raster small = image.downscaled(LightChecks.BACKGROUND_WIDTH).downscaled(WORK_WIDTH);
        int w = small.width();
        int h = small.height();
        if (w < CASCADE_WINDOW || h < CASCADE_WINDOW) {
            // smaller than the cascade's own window (a thin strip averaged down to the working width): no face fits
            return Optional.empty();
        }
        double scale = (double) w / image.width();
        byte[] grey = Grey.of(small);
        List<Area> found = detect(grey, w, h);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        found.sort(Comparator.comparingInt(Area::width).reversed());
        Area box = found.get(0);
        int similar = (int) found.stream().filter(r -> r.width() >= SIMILAR_FACE * box.width()).count();
        // the pupils are searched at a finer scale than the face (a pupil is only a few pixels at WORK_WIDTH),
        // on the face alone so that a large photo costs no more than a small one
        double inv = 1 / scale;
        Area fullBox = new Area((int) (box.x() * inv), (int) (box.y() * inv), (int) (box.width() * inv),
                (int) (box.height() * inv)).clip(image.width(), image.height());
        Raster fine = image.crop(fullBox).downscaled(PUPIL_WIDTH);
        double toFull = (double) fullBox.width() / fine.width();
        FaceLandmarks.Point[] eyes = PupilLocator.eyes(Grey.of(fine), fine.width(), fine.height(),
                new Area(0, 0, fine.width(), fine.height()));
        if (eyes == null) {
            return Optional.empty();
        }
        FaceLandmarks.Point left = new FaceLandmarks.Point(fullBox.x() + eyes[0].x() * toFull,
                fullBox.y() + eyes[0].y() * toFull);
        FaceLandmarks.Point right = new FaceLandmarks.Point(fullBox.x() + eyes[1].x() * toFull,
                fullBox.y() + eyes[1].y() * toFull);
        double ied = left.distance(right);
        FaceLandmarks.Point mid = new FaceLandmarks.Point((left.x() + right.x()) / 2, (left.y() + right.y()) / 2);
        // chin by adult face proportions (eye line to chin ≈ 1.55 IED); crown where the head meets the background
        FaceLandmarks.Point chin = new FaceLandmarks.Point(mid.x(), mid.y() + 1.55 * ied);
        FaceLandmarks.Point crown = Crown.find(image, mid, ied);
        return Optional.of(new FaceLandmarks(left, right, chin, crown, fullBox, similar, false));
    }

    private List<Area> detect(byte[] grey, int w, int h) {
        List<Area> out = new ArrayList<>();
        try (Mat mat = new Mat(h, w, opencv_core.CV_8UC1); BytePointer data = new BytePointer(grey);
             Mat eq = new Mat(); RectVector rects = new RectVector();
             Size min = new Size(w / 5, w / 5); Size max = new Size(w, w)) {
            mat.data().put(data);
            equalizeHist(mat, eq);
            faces.detectMultiScale(eq, rects, 1.1, 5, 0, min, max);
            for (long i = 0; i < rects.size(); i++) {
                Rect r = rects.get(i);
                out.add(new Area(r.x(), r.y(), r.width(), r.height()));
            }
        }
        return out;
    }

}
