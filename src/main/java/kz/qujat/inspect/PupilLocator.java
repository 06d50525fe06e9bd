package kz.qujat.inspect;

/**
 * Locates the eye centres inside a detected face by the means-of-gradients method (Timm and Barth,
 * VISAPP 2011): the centre of a dark circular pupil is the point that most image gradients point away
 * from. Each eye is searched in its own region of the face box, on a patch scaled to a fixed width.
 */
final class PupilLocator {
    private static final int PATCH_WIDTH = 40;
    /**
     * Each term of the score is the squared cosine of two unit vectors, at most 1 (plus a few units in the last place
     * of rounding): a point whose partial sum plus 1 for every term left, with these margins, stays below the best
     * score so far cannot become the best, so its remaining terms are not computed. The point chosen is the same.
     */
    private static final double TERM_BOUND = 1.000001;
    private static final double SUM_BOUND = 1.000001;
    /** How often (in terms) that bound is tested. */
    private static final int BLOCK_MASK = 31;

    private PupilLocator() {
    }

    /** The two eye centres (image-left first) in the grey image's coordinates, or null if the box is too small. */
    static FaceLandmarks.Point[] eyes(byte[] grey, int w, int h, Area face) {
        if (face.width() < 24) {
            return null;
        }
        Area left = region(face, 0.13, 0.47);
        Area right = region(face, 0.53, 0.87);
        return new FaceLandmarks.Point[] {centre(grey, w, h, left), centre(grey, w, h, right)};
    }

    private static Area region(Area f, double x0, double x1) {
        return new Area((int) (f.x() + x0 * f.width()), (int) (f.y() + 0.22 * f.height()),
                (int) ((x1 - x0) * f.width()), (int) (0.28 * f.height()));
    }

    static FaceLandmarks.Point centre(byte[] grey, int w, int h, Area area) {
        Area a = area.clip(w, h);
        double scale = (double) PATCH_WIDTH / a.width();
        int pw = PATCH_WIDTH;
        int ph = Math.max(8, (int) Math.round(a.height() * scale));
        double[] p = new double[pw * ph];
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
                p[y * pw + x] = sample(grey, w, h, a.x() + (x + 0.5) / scale, a.y() + (y + 0.5) / scale);
            }
        }
        double[] blurred = blur(p, pw, ph);
        // gradients, normalised, kept only where they are strong
        double[] gx = new double[p.length];
        double[] gy = new double[p.length];
        double[] mag = new double[p.length];
        double sum = 0;
        double sq = 0;
        for (int y = 1; y < ph - 1; y++) {
            for (int x = 1; x < pw - 1; x++) {
                int i = y * pw + x;
                gx[i] = (p[i + 1] - p[i - 1]) / 2;
                gy[i] = (p[i + pw] - p[i - pw]) / 2;
                mag[i] = Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i]);
                sum += mag[i];
                sq += mag[i] * mag[i];
            }
        }
        int n = (pw - 2) * (ph - 2);
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sq / n - mean * mean));
        double threshold = mean + 0.3 * std;
        // the strong gradients as flat arrays (position and unit direction), so that the search below reads them in
        // order without a division per pixel; the arithmetic is the one of the method, term for term
        int[] kx = new int[p.length];
        int[] ky = new int[p.length];
        double[] ux = new double[p.length];
        double[] uy = new double[p.length];
        int count = 0;
        for (int i = 0; i < p.length; i++) {
            if (mag[i] > threshold && mag[i] > 0) {
                kx[count] = i % pw;
                ky[count] = i / pw;
                ux[count] = gx[i] / mag[i];
                uy[count] = gy[i] / mag[i];
                count++;
            }
        }
        double[] root = roots(pw, ph);
        double best = -1;
        int bx = pw / 2;
        int by = ph / 2;
        for (int cy = 1; cy < ph - 1; cy++) {
            for (int cx = 1; cx < pw - 1; cx++) {
                double weight = 255 - blurred[cy * pw + cx];
                double acc = 0;
                boolean beaten = false;
                for (int k = 0; k < count; k++) {
                    if ((k & BLOCK_MASK) == 0 && (acc + (count - k) * TERM_BOUND) * weight * SUM_BOUND < best) {
                        // even if every remaining term were 1 this point could not beat the best: skip the rest
                        beaten = true;
                        break;
                    }
                    int dx = kx[k] - cx;
                    int dy = ky[k] - cy;
                    int d2 = dx * dx + dy * dy;
                    if (d2 == 0) {
                        continue;
                    }
                    double dot = (dx * ux[k] + dy * uy[k]) / root[d2];
                    if (dot > 0) {
                        acc += dot * dot;
                    }
                }
                if (beaten) {
                    continue;
                }
                double score = acc * weight;
                if (score > best) {
                    best = score;
                    bx = cx;
                    by = cy;
                }
            }
        }
        return new FaceLandmarks.Point(a.x() + (bx + 0.5) / scale, a.y() + (by + 0.5) / scale);
    }

    /** √n for every squared distance within a {@code w} × {@code h} patch (exactly {@code Math.sqrt} of it). */
    private static double[] roots(int w, int h) {
        double[] r = new double[w * w + h * h];
        for (int n = 0; n < r.length; n++) {
            r[n] = Math.sqrt(n);
        }
        return r;
    }

    private static double sample(byte[] g, int w, int h, double fx, double fy) {
        int x0 = (int) Math.floor(fx - 0.5);
        int y0 = (int) Math.floor(fy - 0.5);
        double tx = fx - 0.5 - x0;
        double ty = fy - 0.5 - y0;
        return lerp(lerp(px(g, w, h, x0, y0), px(g, w, h, x0 + 1, y0), tx),
                lerp(px(g, w, h, x0, y0 + 1), px(g, w, h, x0 + 1, y0 + 1), tx), ty);
    }

    private static double px(byte[] g, int w, int h, int x, int y) {
        return g[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))] & 0xff;
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static double[] blur(double[] p, int w, int h) {
        double[] out = new double[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                int c = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                            s += p[yy * w + xx];
                            c++;
                        }
                    }
                }
                out[y * w + x] = s / c;
            }
        }
        return out;
    }
}
