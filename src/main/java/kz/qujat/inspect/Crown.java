package kz.qujat.inspect;

/**
 * Finds the top of the head on a plain background: the first rows above the eyes, across the middle of
 * the head, whose colour is the background's (from the top corners). At the top edge when the head is cut.
 */
public final class Crown {
    private static final int RUN = 3;
    private static final int TOLERANCE = 45;

    private Crown() {
    }

    /** The top of the head above the eye midpoint {@code mid}, or the top edge when the head is cut. */
    public static FaceLandmarks.Point find(Raster img, FaceLandmarks.Point mid, double ied) {
        int w = img.width();
        int s = Math.max(2, w / 40);
        int[] bg = average(img, 0, 0, s, s);
        int[] bg2 = average(img, w - s, 0, s, s);
        int x0 = (int) Math.max(0, mid.x() - 0.3 * ied);
        int x1 = (int) Math.min(w - 1, mid.x() + 0.3 * ied);
        int run = 0;
        for (int y = (int) (mid.y() - 1.3 * ied); y >= 0; y--) {
            int[] c = average(img, x0, y, x1 - x0 + 1, 1);
            if (Math.min(distance(c, bg), distance(c, bg2)) < TOLERANCE) {
                run++;
                if (run == RUN) {
                    return new FaceLandmarks.Point(mid.x(), y + RUN);
                }
            } else {
                run = 0;
            }
        }
        return new FaceLandmarks.Point(mid.x(), 0);
    }

    private static int[] average(Raster img, int x, int y, int w, int h) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int yy = y; yy < y + h; yy++) {
            for (int xx = x; xx < x + w; xx++) {
                int p = img.rgb(xx, yy);
                r += (p >> 16) & 0xff;
                g += (p >> 8) & 0xff;
                b += p & 0xff;
            }
        }
        long n = (long) w * h;
        return new int[] {(int) (r / n), (int) (g / n), (int) (b / n)};
    }

    private static int distance(int[] a, int[] b) {
        return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
    }
}
