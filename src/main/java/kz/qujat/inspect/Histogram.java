package kz.qujat.inspect;

/** The luminance histogram of an image (linear-light L, 256 bins), as the viewer draws it. */
public final class Histogram {
    private Histogram() {
    }

    public static int[] luminance(Raster r) {
        Raster small = r.downscaled(800);
        int[] hist = new int[256];
        for (int v : small.luminance()) {
            hist[v]++;
        }
        return hist;
    }
}
