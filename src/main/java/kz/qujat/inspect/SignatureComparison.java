package kz.qujat.inspect;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;

/**
 * Puts the submitted signature next to the one on the expiring card (a visual aid, never a verdict):
 * both cropped to the ink and scaled to the same height, a colour overlay, and a table of aspect ratio,
 * ink density, slant, stroke count and the correlation of their projection profiles.
 */
public final class SignatureComparison {
    /** Height both signatures are scaled to before they are compared. */
    public static final int HEIGHT = 120;

    /** The measures of one signature after cropping to its ink and scaling to {@link #HEIGHT}. */
    public record Measures(double aspectRatio, double inkDensity, double slantDegrees, int strokes) {
    }

    /** Both measures, the correlation of the projection profiles (−1..1), and the images to show. */
    public record Result(Measures submitted, Measures registry, double horizontalProfileCorrelation,
                         double verticalProfileCorrelation, BufferedImage submittedInk, BufferedImage registryInk,
                         BufferedImage overlay) {
    }

    private SignatureComparison() {
    }

    /** Null when either image has no ink to compare. */
    public static Result compare(BufferedImage submitted, BufferedImage registry) {
        BufferedImage a = inkCrop(submitted);
        BufferedImage b = inkCrop(registry);
        if (a == null || b == null) {
            return null;
        }
        boolean[] ma = mask(a);
        boolean[] mb = mask(b);
        int w = Math.max(a.getWidth(), b.getWidth());
        return new Result(measures(ma, a.getWidth(), a.getHeight()), measures(mb, b.getWidth(), b.getHeight()),
                correlation(resample(columns(ma, a.getWidth(), a.getHeight()), w),
                        resample(columns(mb, b.getWidth(), b.getHeight()), w)),
                correlation(rows(ma, a.getWidth(), a.getHeight()), rows(mb, b.getWidth(), b.getHeight())),
                a, b, overlay(ma, a.getWidth(), mb, b.getWidth()));
    }

    /** The ink of a signature image, black on white after Otsu binarisation (the "binarised view"). */
    public static BufferedImage binarised(BufferedImage img) {
        Raster r = new Raster(img);
        SignatureChecks.Ink ink = SignatureChecks.Ink.of(r.grey(), r.width(), r.height());
        BufferedImage out = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                out.setRGB(x, y, ink.mask[y * r.width() + x] ? 0x000000 : 0xFFFFFF);
            }
        }
        return out;
    }

    /** Cropped to the ink's bounding box and scaled to {@link #HEIGHT}, binarised; null without ink. */
    static BufferedImage inkCrop(BufferedImage img) {
        Raster r = new Raster(img);
        SignatureChecks.Ink ink = SignatureChecks.Ink.of(r.grey(), r.width(), r.height());
        if (ink.count == 0) {
            return null;
        }
        Area box = ink.box;
        BufferedImage crop = new BufferedImage(box.width(), box.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < box.height(); y++) {
            for (int x = 0; x < box.width(); x++) {
                crop.setRGB(x, y, ink.mask[(box.y() + y) * r.width() + box.x() + x] ? 0x000000 : 0xFFFFFF);
            }
        }
        int w = Math.max(1, (int) Math.round(box.width() * (double) HEIGHT / box.height()));
        BufferedImage out = new BufferedImage(w, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(crop, 0, 0, w, HEIGHT, null);
        g.dispose();
        return out;
    }

    private static boolean[] mask(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean[] m = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = (img.getRGB(x, y) & 0xff) < 128;
            }
        }
        return m;
    }

    static Measures measures(boolean[] m, int w, int h) {
        long ink = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (m[y * w + x]) {
                    ink++;
                    sx += x;
                    sy += y;
                }
            }
        }
        double mx = sx / ink;
        double my = sy / ink;
        double sxy = 0;
        double syy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (m[y * w + x]) {
                    sxy += (x - mx) * (my - y);
                    syy += (my - y) * (my - y);
                }
            }
        }
        // slant: the shear that best explains x from height above the centre (positive leans right)
        double slant = syy == 0 ? 0 : Math.toDegrees(Math.atan(sxy / syy));
        return new Measures((double) w / h, (double) ink / ((double) w * h), slant, components(m, w, h));
    }

    /** Connected pieces of ink (8-neighbour), ignoring specks of under 4 pixels. */
    static int components(boolean[] m, int w, int h) {
        boolean[] seen = new boolean[m.length];
        int count = 0;
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        for (int i = 0; i < m.length; i++) {
            if (!m[i] || seen[i]) {
                continue;
            }
            int size = 0;
            stack.push(i);
            seen[i] = true;
            while (!stack.isEmpty()) {
                int p = stack.pop();
                size++;
                int px = p % w;
                int py = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        int ny = py + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                            int q = ny * w + nx;
                            if (m[q] && !seen[q]) {
                                seen[q] = true;
                                stack.push(q);
                            }
                        }
                    }
                }
            }
            if (size >= 4) {
                count++;
            }
        }
        return count;
    }

    private static double[] columns(boolean[] m, int w, int h) {
        double[] p = new double[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (m[y * w + x]) {
                    p[x]++;
                }
            }
        }
        return p;
    }

    private static double[] rows(boolean[] m, int w, int h) {
        double[] p = new double[h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (m[y * w + x]) {
                    p[y]++;
                }
            }
        }
        return p;
    }

    private static double[] resample(double[] p, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double pos = (i + 0.5) * p.length / n - 0.5;
            int i0 = Math.max(0, Math.min(p.length - 1, (int) Math.floor(pos)));
            int i1 = Math.min(p.length - 1, i0 + 1);
            double t = Math.max(0, Math.min(1, pos - i0));
            out[i] = p[i0] * (1 - t) + p[i1] * t;
        }
        return out;
    }

    /** Pearson correlation of two profiles of equal length. */
    static double correlation(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }

    /** Submitted ink in red, register ink in blue, both together in dark violet, on white. */
    private static BufferedImage overlay(boolean[] a, int wa, boolean[] b, int wb) {
        int w = Math.max(wa, wb);
        BufferedImage out = new BufferedImage(w, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < w; x++) {
                boolean ia = x < wa && a[y * wa + x];
                boolean ib = x < wb && b[y * wb + x];
                out.setRGB(x, y, ia && ib ? 0x4A148C : ia ? 0xD32F2F : ib ? 0x1565C0 : 0xFFFFFF);
            }
        }
        return out;
    }
}
