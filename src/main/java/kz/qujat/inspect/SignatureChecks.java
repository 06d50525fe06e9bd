package kz.qujat.inspect;

import java.util.ArrayList;
import java.util.List;

/** Checks of the handwritten signature image: size of the ink, blank or blotted, clipped, contrast, stroke width. */
final class SignatureChecks {
    static final String[] NAMES = {"signature.inkHeight", "signature.inkShare", "signature.clipped",
        "signature.contrast", "signature.strokeWidth"};
    private static final int EDGE = 2;
    private final Judge judge;

    SignatureChecks(Judge judge) {
        this.judge = judge;
    }

    List<CheckResult> run(Raster r) {
        int w = r.width();
        int h = r.height();
        int[] grey = r.grey();
        Ink ink = Ink.of(grey, w, h);
        List<CheckResult> out = new ArrayList<>();
        Area whole = Area.whole(w, h);
        out.add(judge.measure("signature.inkShare", 100.0 * ink.count / ((double) w * h), "%", whole));
        if (ink.count == 0) {
            out.add(judge.measure("signature.inkHeight", 0, "px", whole));
            out.add(CheckResult.notMeasured("signature.clipped", "inspect.notMeasured.noInk"));
            out.add(CheckResult.notMeasured("signature.contrast", "inspect.notMeasured.noInk"));
            out.add(CheckResult.notMeasured("signature.strokeWidth", "inspect.notMeasured.noInk"));
            return out;
        }
        Area box = ink.box;
        out.add(judge.measure("signature.inkHeight", box.height(), "px", box));
        out.add(clipped(ink, w, h));
        out.add(judge.measure("signature.contrast", ink.paperMedian - ink.inkMedian, "levels", box));
        long skeleton = Skeleton.length(ink.mask, w, h, box);
        out.add(skeleton == 0 ? CheckResult.notMeasured("signature.strokeWidth", "inspect.notMeasured.noInk")
                : judge.measure("signature.strokeWidth", 2.0 * ink.count / skeleton, "px", box));
        return out;
    }

    private CheckResult clipped(Ink ink, int w, int h) {
        long nearEdge = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink.mask[y * w + x] && (x < EDGE || y < EDGE || x >= w - EDGE || y >= h - EDGE)) {
                    nearEdge++;
                }
            }
        }
        Area b = ink.box;
        int touching = (b.x() < EDGE ? 1 : 0) + (b.y() < EDGE ? 1 : 0) + (b.x() + b.width() > w - EDGE ? 1 : 0)
                + (b.y() + b.height() > h - EDGE ? 1 : 0);
        CheckResult base = judge.measure("signature.clipped", nearEdge, "px", b);
        if (touching >= 2) {
            return new CheckResult(base.check(), base.value(), base.unit(), "0 PASS, some WARN, two edges FAIL",
                    Verdict.FAIL, b, "inspect.signature.clipped.fail");
        }
        return new CheckResult(base.check(), base.value(), base.unit(), "0 PASS, some WARN, two edges FAIL",
                base.verdict(), b, base.messageKey());
    }

    /** The ink after Otsu binarisation, its bounding box and the medians of ink and paper. */
    static final class Ink {
        final boolean[] mask;
        final long count;
        final Area box;
        final int inkMedian;
        final int paperMedian;

        private Ink(boolean[] mask, long count, Area box, int inkMedian, int paperMedian) {
            this.mask = mask;
            this.count = count;
            this.box = box;
            this.inkMedian = inkMedian;
            this.paperMedian = paperMedian;
        }

        static Ink of(int[] grey, int w, int h) {
            int[] hist = new int[256];
            for (int g : grey) {
                hist[g]++;
            }
            int min = 0;
            while (min < 255 && hist[min] == 0) {
                min++;
            }
            int max = 255;
            while (max > 0 && hist[max] == 0) {
                max--;
            }
            boolean[] mask = new boolean[grey.length];
            if (max - min < 16) {
                return new Ink(mask, 0, null, 0, max); // one flat tone: no ink at all
            }
            int t = otsu(hist, grey.length);
            long count = 0;
            int x0 = w;
            int y0 = h;
            int x1 = -1;
            int y1 = -1;
            int[] inkHist = new int[256];
            int[] paperHist = new int[256];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int g = grey[y * w + x];
                    if (g <= t) {
                        mask[y * w + x] = true;
                        count++;
                        inkHist[g]++;
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x);
                        y1 = Math.max(y1, y);
                    } else {
                        paperHist[g]++;
                    }
                }
            }
            Area box = count == 0 ? null : new Area(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
            return new Ink(mask, count, box, medianOf(inkHist), medianOf(paperHist));
        }

        private static int medianOf(int[] hist) {
            long n = 0;
            for (int c : hist) {
                n += c;
            }
            long seen = 0;
            for (int v = 0; v < 256; v++) {
                seen += hist[v];
                if (seen * 2 >= n && n > 0) {
                    return v;
                }
            }
            return 0;
        }

        /** Otsu's threshold: the grey level that maximises the between-class variance. */
        static int otsu(int[] hist, long total) {
            double sumAll = 0;
            for (int v = 0; v < 256; v++) {
                sumAll += (double) v * hist[v];
            }
            double sumB = 0;
            long wB = 0;
            double best = -1;
            int threshold = 0;
            for (int t = 0; t < 256; t++) {
                wB += hist[t];
                if (wB == 0) {
                    continue;
                }
                long wF = total - wB;
                if (wF == 0) {
                    break;
                }
                sumB += (double) t * hist[t];
                double mB = sumB / wB;
                double mF = (sumAll - sumB) / wF;
                double between = (double) wB * wF * (mB - mF) * (mB - mF);
                if (between > best) {
                    best = between;
                    threshold = t;
                }
            }
            return threshold;
        }
    }
}
