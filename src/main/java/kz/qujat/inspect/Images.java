package kz.qujat.inspect;

/** Small numeric routines over luminance arrays (row-major, {@code w} wide) shared by the checks. */
final class Images {
    private Images() {
    }

    /**
     * Mean Scharr gradient magnitude over the masked pixels (the image border is skipped), unnormalised as
     * OpenCV's Scharr operator returns it, which is the scale OFIQ's background score is tuned for.
     */
    static double meanScharr(int[] l, int w, int h, boolean[] mask) {
        double sum = 0;
        long n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                if (!mask[i]) {
                    continue;
                }
                int gx = 3 * (l[i - w + 1] - l[i - w - 1]) + 10 * (l[i + 1] - l[i - 1]) + 3 * (l[i + w + 1] - l[i + w - 1]);
                int gy = 3 * (l[i + w - 1] - l[i - w - 1]) + 10 * (l[i + w] - l[i - w]) + 3 * (l[i + w + 1] - l[i - w + 1]);
                sum += Math.sqrt((double) gx * gx + (double) gy * gy);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    static int median(int[] l, int w, boolean[] mask) {
        int[] hist = new int[256];
        long n = 0;
        for (int i = 0; i < l.length; i++) {
            if (mask[i]) {
                hist[l[i]]++;
                n++;
            }
        }
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen * 2 >= n) {
                return v;
            }
        }
        return 255;
    }

    /** The value below which {@code p} percent of a histogram's samples lie. */
    static int percentile(int[] hist, double p) {
        long n = 0;
        for (int c : hist) {
            n += c;
        }
        double target = p / 100 * n;
        long seen = 0;
        for (int v = 0; v < hist.length; v++) {
            seen += hist[v];
            if (seen >= target && seen > 0) {
                return v;
            }
        }
        return hist.length - 1;
    }

    static int[] histogram(int[] l, int w, Area a) {
        return histogram(l, w, a, 256);
    }

    static int[] histogram(int[] l, int w, Area a, int bins) {
        int[] hist = new int[bins];
        for (int y = a.y(); y < a.y() + a.height(); y++) {
            for (int x = a.x(); x < a.x() + a.width(); x++) {
                hist[l[y * w + x] * bins / 256]++;
            }
        }
        return hist;
    }

    static double mean(int[] hist256) {
        double sum = 0;
        long n = 0;
        for (int v = 0; v < hist256.length; v++) {
            sum += (double) v * hist256[v];
            n += hist256[v];
        }
        return n == 0 ? 0 : sum / n;
    }

    static double entropy(int[] hist) {
        long n = 0;
        for (int c : hist) {
            n += c;
        }
        double e = 0;
        for (int c : hist) {
            if (c > 0) {
                double p = (double) c / n;
                e -= p * Math.log(p) / Math.log(2);
            }
        }
        return e;
    }

    /** Σ min(p, q) of two histograms normalised to sum 1: 1 for identical light, 0 for disjoint. */
    static double histogramOverlap(int[] a, int[] b) {
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            na += a[i];
            nb += b[i];
        }
        double overlap = 0;
        for (int i = 0; i < a.length; i++) {
            overlap += Math.min(a[i] / na, b[i] / nb);
        }
        return overlap;
    }

    /** Variance of the 4-neighbour Laplacian. */
    static double laplacianVariance(int[] l, int w, int h) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                int lap = l[i - 1] + l[i + 1] + l[i - w] + l[i + w] - 4 * l[i];
                sum += lap;
                sq += (double) lap * lap;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    /** Mean CIELAB (D65) colour of the pixels of the given areas. */
    static double[] meanLab(Raster r, Area... areas) {
        double sx = 0;
        double sy = 0;
        double sz = 0;
        long n = 0;
        for (Area a : areas) {
            for (int y = a.y(); y < a.y() + a.height(); y++) {
                for (int x = a.x(); x < a.x() + a.width(); x++) {
                    int p = r.rgb(x, y);
                    double red = Raster.linear(p >> 16);
                    double green = Raster.linear(p >> 8);
                    double blue = Raster.linear(p);
                    sx += 0.4124 * red + 0.3576 * green + 0.1805 * blue;
                    sy += 0.2126 * red + 0.7152 * green + 0.0722 * blue;
                    sz += 0.0193 * red + 0.1192 * green + 0.9505 * blue;
                    n++;
                }
            }
        }
        double fx = labF(sx / n / 0.95047);
        double fy = labF(sy / n);
        double fz = labF(sz / n / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double labF(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
