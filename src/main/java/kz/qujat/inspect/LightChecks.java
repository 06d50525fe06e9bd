package kz.qujat.inspect;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Light and background checks after OFIQ's classic measures. Background checks need no face; face checks
 * (luminance, exposure, dynamic range, illumination uniformity, sharpness, natural colour) need the eyes.
 */
final class LightChecks {
    static final String[] FACE_CHECKS = {"photo.faceLuminance", "photo.exposure", "photo.dynamicRange",
        "photo.illuminationUniformity", "photo.sharpness", "photo.naturalColour"};
    static final String[] BACKGROUND_CHECKS = {"photo.backgroundUniformity", "photo.backgroundCorners",
        "photo.backgroundLightness"};
    private static final double SHARPNESS_IED = 120;
    static final int CLIP_LOW = 3;
    static final int CLIP_HIGH = 252;
    static final int BACKGROUND_WIDTH = 600;
    /** The smallest corner square; {@link #cornerSpread} needs two of them across and two down. */
    private static final int CORNER_MIN = 2;
    private final Judge judge;

    LightChecks(Judge judge) {
        this.judge = judge;
    }

    /**
     * Background checks, measured on a copy averaged down to at most {@value #BACKGROUND_WIDTH} px wide so
     * that the gradient score does not depend on the photo's resolution (and costs little).
     */
    List<CheckResult> background(Raster full, FaceLandmarks face) {
        Raster r = full.downscaled(BACKGROUND_WIDTH);
        double s = (double) r.width() / full.width();
        int w = r.width();
        int h = r.height();
        if (w < 2 * CORNER_MIN || h < 2 * CORNER_MIN) {
            // a long thin strip averaged down to the working width leaves too few rows to measure
            List<CheckResult> none = new ArrayList<>();
            for (String n : BACKGROUND_CHECKS) {
                none.add(CheckResult.notMeasured(n, "inspect.notMeasured.tooSmall"));
            }
            return none;
        }
        // the background mask lies in the upper 55 % (its gradient reads one row below), the border band in the upper
        // 60 %: the lightness of the rows under both is never read
        int[] lum = r.lightnessOfRows(Math.max((int) (h * 0.55) + 1, (int) (h * 0.6)));
        boolean[] mask = backgroundMask(w, h, face == null ? null : scaled(face, s));
        double g = Images.meanScharr(lum, w, h, mask);
        double score = 190 * (1 - sigmoid(g, 10, 100));
        Area upper = new Area(0, 0, full.width(), (int) (full.height() * 0.55));
        List<CheckResult> out = new ArrayList<>();
        out.add(judge.measure("photo.backgroundUniformity", score, "", upper));
        double spread = cornerSpread(r);
        double limit = judge.thresholds().number("photo.backgroundCornerSpread");
        out.add(new CheckResult("photo.backgroundCorners", spread, "L*", "≤ " + (int) limit + " PASS, else WARN",
                spread <= limit ? Verdict.PASS : Verdict.WARN, Area.whole(full.width(), full.height()),
                spread <= limit ? "inspect.photo.backgroundCorners.pass" : "inspect.photo.backgroundCorners.warn"));
        out.add(judge.measure("photo.backgroundLightness", Images.median(lum, w, borderBand(w, h)) / 2.55, "L*",
                upper));
        return out;
    }

    private static FaceLandmarks scaled(FaceLandmarks f, double s) {
        return new FaceLandmarks(scaled(f.leftEye(), s), scaled(f.rightEye(), s), scaled(f.chin(), s),
                scaled(f.crown(), s), null, f.facesFound(), f.manual());
    }

    private static FaceLandmarks.Point scaled(FaceLandmarks.Point p, double s) {
        return p == null ? null : new FaceLandmarks.Point(p.x() * s, p.y() * s);
    }

    /**
     * Face checks, all on perceptual lightness (CIELAB L*) so that they treat a dark and a light skin alike:
     * exposure by clipping at the sensor's limits, contrast by the spread of L*, face lightness as
     * information with a verdict only at extremes (see PHOTO-SIGNATURE.md, light and background).
     */
    List<CheckResult> face(Raster r, FaceLandmarks f) {
        int w = r.width();
        int h = r.height();
        Area face = faceArea(f).clip(w, h);
        List<CheckResult> out = new ArrayList<>();
        if (face.isEmpty()) {
            for (String n : FACE_CHECKS) {
                out.add(CheckResult.notMeasured(n, "inspect.notMeasured.faceOutside"));
            }
            return out;
        }
        Area[] cheeks = cheeks(f);
        Area left = cheeks[0].clip(w, h);
        Area right = cheeks[1].clip(w, h);
        Area region = union(face, union(left, right)).clip(w, h);
        Raster local = r.crop(region);
        int[] light = local.lightness();
        int lw = local.width();
        Area inFace = shift(face, region);
        int[] hist = Images.histogram(light, lw, inFace);
        double medianL = Images.percentile(hist, 50) / 2.55;
        CheckResult lum = judge.measure("photo.faceLuminance", medianL, "L*", face);
        double ofiq = ofiqLuminanceScore(local, inFace);
        out.add(new CheckResult(lum.check(), lum.value(), lum.unit(), lum.threshold()
                + String.format(Locale.ROOT, " (OFIQ luminance score %.0f, for information)", ofiq), lum.verdict(),
                lum.area(), lum.messageKey()));
        out.add(judge.measure("photo.exposure", clippedShare(local, inFace), "%", face));
        out.add(judge.measure("photo.dynamicRange",
                (Images.percentile(hist, 95) - Images.percentile(hist, 5)) / 2.55, "L*", face));
        if (left.isEmpty() || right.isEmpty()) {
            out.add(CheckResult.notMeasured("photo.illuminationUniformity", "inspect.notMeasured.faceOutside"));
            out.add(CheckResult.notMeasured("photo.naturalColour", "inspect.notMeasured.faceOutside"));
        } else {
            out.add(judge.measure("photo.illuminationUniformity", Images.histogramOverlap(
                    Images.histogram(light, lw, shift(left, region), 32),
                    Images.histogram(light, lw, shift(right, region), 32)), "",
                    new Area(left.x(), Math.min(left.y(), right.y()), right.x() + right.width() - left.x(),
                            Math.max(left.height(), right.height()))));
            out.add(naturalColour(r, left, right));
        }
        out.add(judge.measure("photo.sharpness", sharpness(r, face, f.interEyeDistance()), "", face));
        return out;
    }

    /**
     * Exposure when no face was found (a blown-out or black photo often hides it from the detector): clipping
     * over the middle of the frame, where the 35×45 format puts the face (x 30–70 %, y 25–70 %).
     */
    CheckResult exposureWithoutFace(Raster r) {
        Area middle = new Area((int) (r.width() * 0.3), (int) (r.height() * 0.25), (int) (r.width() * 0.4),
                (int) (r.height() * 0.45)).clip(r.width(), r.height());
        return judge.measure("photo.exposure", clippedShare(r, middle), "%", middle);
    }

    /**
     * Percent of the face's pixels with a channel at the sensor's limits (≤ {@value #CLIP_LOW} or
     * ≥ {@value #CLIP_HIGH} as stored): what a wrong exposure does whatever the skin tone.
     */
    static double clippedShare(Raster r, Area a) {
        long clipped = 0;
        for (int y = a.y(); y < a.y() + a.height(); y++) {
            for (int x = a.x(); x < a.x() + a.width(); x++) {
                int p = r.rgb(x, y);
                int red = (p >> 16) & 0xff;
                int green = (p >> 8) & 0xff;
                int blue = p & 0xff;
                int min = Math.min(red, Math.min(green, blue));
                int max = Math.max(red, Math.max(green, blue));
                if (min <= CLIP_LOW || max >= CLIP_HIGH) {
                    clipped++;
                }
            }
        }
        return 100.0 * clipped / Math.max(1, (long) a.width() * a.height());
    }

    /** OFIQ's luminance-mean score 100·S(μ;0.2,0.05)·(1 − S(μ;0.8,0.05)) on linear luminance, shown for information. */
    static double ofiqLuminanceScore(Raster r, Area a) {
        double sum = 0;
        for (int y = a.y(); y < a.y() + a.height(); y++) {
            for (int x = a.x(); x < a.x() + a.width(); x++) {
                sum += r.luminance(x, y);
            }
        }
        double mu = sum / Math.max(1, (long) a.width() * a.height()) / 255.0;
        return 100 * sigmoid(mu, 0.2, 0.05) * (1 - sigmoid(mu, 0.8, 0.05));
    }

    private static Area union(Area a, Area b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        int x0 = Math.min(a.x(), b.x());
        int y0 = Math.min(a.y(), b.y());
        int x1 = Math.max(a.x() + a.width(), b.x() + b.width());
        int y1 = Math.max(a.y() + a.height(), b.y() + b.height());
        return new Area(x0, y0, x1 - x0, y1 - y0);
    }

    private static Area shift(Area a, Area origin) {
        return new Area(a.x() - origin.x(), a.y() - origin.y(), a.width(), a.height());
    }

    private CheckResult naturalColour(Raster r, Area left, Area right) {
        double[] lab = Images.meanLab(r, left, right);
        double[] a = judge.thresholds().range("photo.naturalColour.a");
        double[] b = judge.thresholds().range("photo.naturalColour.b");
        double distance = outside(lab[1], a) + outside(lab[2], b);
        CheckResult base = judge.measure("photo.naturalColour", distance, "ΔE", left);
        return new CheckResult(base.check(), base.value(), base.unit(),
                String.format(java.util.Locale.ROOT, "a* %.0f..%.0f, b* %.0f..%.0f (measured a* %.1f, b* %.1f)",
                        a[0], a[1], b[0], b[1], lab[1], lab[2]),
                base.verdict(), new Area(left.x(), left.y(), right.x() + right.width() - left.x(), left.height()),
                base.messageKey());
    }

    private static double outside(double v, double[] range) {
        return v < range[0] ? range[0] - v : v > range[1] ? v - range[1] : 0;
    }

    /** Variance of the Laplacian of the face's lightness (L* × 2.55), after scaling it so that the inter-eye distance is 120 px. */
    static double sharpness(Raster r, Area face, double ied) {
        double scale = SHARPNESS_IED / Math.max(1, ied);
        int tw = Math.max(8, (int) Math.round(face.width() * scale));
        int th = Math.max(8, (int) Math.round(face.height() * scale));
        BufferedImage src = r.crop(face).toImage();
        BufferedImage scaled = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        var g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, tw, th, null);
        g.dispose();
        Raster sr = new Raster(scaled);
        return Images.laplacianVariance(sr.lightness(), tw, th);
    }

    /**
     * The inner face: 1.5 IED wide around the eye midpoint (cheek to cheek, inside the hairline), from
     * 0.5 IED above the eyes to just above the chin (or 1.4 IED below the eyes).
     */
    static Area faceArea(FaceLandmarks f) {
        double ied = f.interEyeDistance();
        FaceLandmarks.Point mid = f.eyeMidpoint();
        double bottom = f.chin() != null ? mid.y() + 0.9 * (f.chin().y() - mid.y()) : mid.y() + 1.4 * ied;
        double top = mid.y() - 0.5 * ied;
        return new Area((int) (mid.x() - 0.75 * ied), (int) top, (int) (1.5 * ied), (int) (bottom - top));
    }

    /** Squares of side 0.3 IED on each cheek, below and slightly outside each eye. */
    static Area[] cheeks(FaceLandmarks f) {
        double ied = f.interEyeDistance();
        int side = Math.max(4, (int) (0.3 * ied));
        FaceLandmarks.Point l = f.leftEye();
        FaceLandmarks.Point rt = f.rightEye();
        return new Area[] {
            new Area((int) (l.x() - side / 2.0), (int) (l.y() + 0.55 * ied), side, side),
            new Area((int) (rt.x() - side / 2.0), (int) (rt.y() + 0.55 * ied), side, side)};
    }

    /** Background: the upper 55 % of the image outside the head (an ellipse around the face), or the side bands. */
    static boolean[] backgroundMask(int w, int h, FaceLandmarks f) {
        boolean[] mask = new boolean[w * h];
        int limit = (int) (h * 0.55);
        // the ellipse's terms once, not per pixel (the same doubles: the per-pixel arithmetic is unchanged)
        double cx = 0;
        double cy = 0;
        double ax = 1;
        double ay = 1;
        if (f != null) {
            double ied = f.interEyeDistance();
            FaceLandmarks.Point mid = f.eyeMidpoint();
            cx = mid.x();
            cy = mid.y() + 0.2 * ied;
            ax = 1.9 * ied;
            ay = 2.6 * ied;
        }
        for (int y = 0; y < limit; y++) {
            double dy = (y - cy) / ay;
            for (int x = 0; x < w; x++) {
                boolean bg;
                if (f != null) {
                    double dx = (x - cx) / ax;
                    bg = dx * dx + dy * dy > 1;
                } else {
                    bg = x < w * 0.12 || x >= w * 0.88 || y < h * 0.06;
                }
                mask[y * w + x] = bg;
            }
        }
        return mask;
    }

    /** The frame band (5 % of the shorter side) in the upper 60 % of the image. */
    static boolean[] borderBand(int w, int h) {
        boolean[] mask = new boolean[w * h];
        int band = Math.max(1, Math.min(w, h) / 20);
        for (int y = 0; y < (int) (h * 0.6); y++) {
            for (int x = 0; x < w; x++) {
                mask[y * w + x] = x < band || x >= w - band || y < band;
            }
        }
        return mask;
    }

    /**
     * The largest difference of perceptual lightness (L*) between the mean colours of four patches of the
     * background: the top corners and the sides a quarter of the way down (lower, the sides of a 35×45
     * portrait are hair and shoulders, not background). A shadow or a light falling off across the
     * background shows here.
     */
    static double cornerSpread(Raster r) {
        int s = Math.max(CORNER_MIN, Math.min(r.width(), r.height()) / 20);
        int quarter = r.height() / 4;
        int[][] origins = {{0, 0}, {r.width() - s, 0}, {0, quarter}, {r.width() - s, quarter}};
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int[] o : origins) {
            long red = 0;
            long green = 0;
            long blue = 0;
            for (int y = o[1]; y < o[1] + s; y++) {
                for (int x = o[0]; x < o[0] + s; x++) {
                    int p = r.rgb(x, y);
                    red += (p >> 16) & 0xff;
                    green += (p >> 8) & 0xff;
                    blue += p & 0xff;
                }
            }
            long n = (long) s * s;
            int mean = (int) (red / n) << 16 | (int) (green / n) << 8 | (int) (blue / n);
            double l = Raster.lightness(mean) / 2.55;
            min = Math.min(min, l);
            max = Math.max(max, l);
        }
        return max - min;
    }

    /** OFIQ's S(x; x0, w) = 1 / (1 + e^((x0 − x) / w)). */
    static double sigmoid(double x, double x0, double w) {
        return 1 / (1 + Math.exp((x0 - x) / w));
    }
}
