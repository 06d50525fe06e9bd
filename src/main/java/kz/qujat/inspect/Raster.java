package kz.qujat.inspect;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;

/**
 * The pixels of a decoded image as packed RGB, with the two brightness measures the checks use:
 * linear-light luminance L (PHOTO-SIGNATURE.md) and plain 8-bit grey for ink on paper.
 */
public final class Raster {
    private static final double[] LINEAR = new double[256];
    /** Linear luminance Y quantised to 1/{@value #Y_LEVELS} → CIELAB L* scaled to 0..255 (L* × 2.55). */
    private static final int Y_LEVELS = 16384;
    private static final short[] LIGHTNESS = new short[Y_LEVELS + 1];
    /** The three terms of Y = 0.2126 R + 0.7152 G + 0.0722 B (linear channels), each product computed once. */
    private static final double[] YR = new double[256];
    private static final double[] YG = new double[256];
    private static final double[] YB = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
            YR[i] = 0.2126 * LINEAR[i];
            YG[i] = 0.7152 * LINEAR[i];
            YB[i] = 0.0722 * LINEAR[i];
        }
        for (int i = 0; i <= Y_LEVELS; i++) {
            double y = (double) i / Y_LEVELS;
            double f = y > 216.0 / 24389 ? Math.cbrt(y) : (24389.0 / 27 * y + 16) / 116;
            LIGHTNESS[i] = (short) Math.round(2.55 * (116 * f - 16));
        }
    }

    private final int width;
    private final int height;
    private final int[] rgb;
    private Raster lastDownscaled;

    public Raster(BufferedImage image) {
        this.width = image.getWidth();
        this.height = image.getHeight();
        this.rgb = packed(image);
    }

    private Raster(int width, int height, int[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /**
     * Reads the pixels straight from the decoder's buffer for the layouts JPEG and PNG decode to;
     * {@code getRGB} converts pixel by pixel through the colour model and costs more than the decode.
     */
    private static int[] packed(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        var buffer = image.getRaster().getDataBuffer();
        boolean whole = image.getRaster().getParent() == null && image.getRaster().getMinX() == 0
                && image.getRaster().getMinY() == 0;
        if (whole && buffer instanceof DataBufferByte bytes && image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] d = bytes.getData();
            int[] out = new int[w * h];
            for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                out[i] = ((d[j + 2] & 0xff) << 16) | ((d[j + 1] & 0xff) << 8) | (d[j] & 0xff);
            }
            return out;
        }
        if (whole && buffer instanceof DataBufferByte bytes && rgbOrder(image)) {
            // SafeImage's destination for colour JPEGs and PNGs: R, G, B bytes
            byte[] d = bytes.getData();
            int[] out = new int[w * h];
            for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                out[i] = ((d[j] & 0xff) << 16) | ((d[j + 1] & 0xff) << 8) | (d[j + 2] & 0xff);
            }
            return out;
        }
        if (whole && buffer instanceof DataBufferByte bytes && image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] d = bytes.getData();
            int[] out = new int[w * h];
            for (int i = 0; i < out.length; i++) {
                int v = d[i] & 0xff;
                out[i] = (v << 16) | (v << 8) | v;
            }
            return out;
        }
        if (whole && buffer instanceof DataBufferInt ints && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return ints.getData().clone();
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }

    /** Opaque 8-bit sRGB, its bytes R, G, B for each pixel, rows without gaps: {@link SafeImage#rgbImage}'s layout. */
    private static boolean rgbOrder(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_CUSTOM
                && image.getColorModel() instanceof ComponentColorModel cm && !cm.hasAlpha()
                && cm.getColorSpace().isCS_sRGB() && cm.getTransferType() == DataBuffer.TYPE_BYTE
                && image.getSampleModel() instanceof PixelInterleavedSampleModel sm && sm.getNumBands() == 3
                && sm.getPixelStride() == 3 && sm.getScanlineStride() == image.getWidth() * 3
                && java.util.Arrays.equals(sm.getBandOffsets(), new int[] {0, 1, 2});
    }

    /**
     * A copy averaged down so that it is at most {@code maxWidth} wide (itself when already small). The
     * last copy is kept, since the checks and the detector ask for the same working size in turn.
     */
    public Raster downscaled(int maxWidth) {
        int f = (int) Math.ceil((double) width / maxWidth);
        if (f <= 1) {
            return this;
        }
        Raster cached = lastDownscaled;
        if (cached != null && cached.width == width / f && cached.height == height / f) {
            return cached;
        }
        lastDownscaled = averaged(f);
        return lastDownscaled;
    }

    /**
     * Each output pixel the integer mean of its f×f block, per channel. The input is read row after row, in memory
     * order, red and blue summed together in the two halves of one int (each half holds up to 256 × 255, so blocks of
     * up to 16×16 never carry from one into the other) and green alone; larger blocks channel by channel.
     */
    private Raster averaged(int f) {
        int w = width / f;
        int h = height / f;
        int[] out = new int[w * h];
        if (f == 2) {
            // the common case (a portrait to the background's working width): four reads, sums in halves, a shift
            for (int y = 0; y < h; y++) {
                int i0 = 2 * y * width;
                int i1 = i0 + width;
                int o = y * w;
                for (int x = 0; x < w; x++, i0 += 2, i1 += 2) {
                    int p0 = rgb[i0];
                    int p1 = rgb[i0 + 1];
                    int p2 = rgb[i1];
                    int p3 = rgb[i1 + 1];
                    int rb = (p0 & 0xff00ff) + (p1 & 0xff00ff) + (p2 & 0xff00ff) + (p3 & 0xff00ff);
                    int g = (p0 & 0xff00) + (p1 & 0xff00) + (p2 & 0xff00) + (p3 & 0xff00);
                    out[o + x] = ((rb >>> 18) << 16) | (((g >>> 10) & 0xff) << 8) | ((rb & 0xffff) >>> 2);
                }
            }
            return new Raster(w, h, out);
        }
        int n = f * f;
        int[] srb = new int[w];
        int[] sg = new int[w];
        int[] sb = n <= 256 ? null : new int[w];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(srb, 0);
            java.util.Arrays.fill(sg, 0);
            if (sb != null) {
                java.util.Arrays.fill(sb, 0);
            }
            for (int dy = 0; dy < f; dy++) {
                int i = (y * f + dy) * width;
                if (sb == null) {
                    for (int x = 0; x < w; x++) {
                        int rb = 0;
                        int g = 0;
                        for (int dx = 0; dx < f; dx++) {
                            int p = rgb[i++];
                            rb += p & 0xff00ff;
                            g += p & 0xff00;
                        }
                        srb[x] += rb;
                        sg[x] += g;
                    }
                } else {
                    for (int x = 0; x < w; x++) {
                        for (int dx = 0; dx < f; dx++) {
                            int p = rgb[i++];
                            srb[x] += (p >> 16) & 0xff;
                            sg[x] += (p >> 8) & 0xff;
                            sb[x] += p & 0xff;
                        }
                    }
                }
            }
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int r = sb == null ? srb[x] >>> 16 : srb[x];
                int g = sb == null ? sg[x] >>> 8 : sg[x];
                int b = sb == null ? srb[x] & 0xffff : sb[x];
                out[o + x] = ((r / n) << 16) | ((g / n) << 8) | (b / n);
            }
        }
        return new Raster(w, h, out);
    }

    /** The packed pixels themselves (row-major, {@link #width()} wide), for tight loops of this package; never changed. */
    int[] pixels() {
        return rgb;
    }

    /** A copy of one area (clipped to the image). */
    public Raster crop(Area area) {
        Area a = area.clip(width, height);
        int[] out = new int[a.width() * a.height()];
        for (int y = 0; y < a.height(); y++) {
            System.arraycopy(rgb, (a.y() + y) * width + a.x(), out, y * a.width(), a.width());
        }
        return new Raster(a.width(), a.height(), out);
    }

    /** As an image (for scaling with Java 2D). */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        System.arraycopy(rgb, 0, ((DataBufferInt) img.getRaster().getDataBuffer()).getData(), 0, rgb.length);
        return img;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int rgb(int x, int y) {
        return rgb[y * width + x];
    }

    /** Linear-light luminance L = round(255 * (0.2126 R + 0.7152 G + 0.0722 B)) with R, G, B linearised. */
    public int luminance(int x, int y) {
        int p = rgb[y * width + x];
        double yLin = YR[(p >> 16) & 0xff] + YG[(p >> 8) & 0xff] + YB[p & 0xff];
        return (int) Math.round(255 * yLin);
    }

    /** Luminance of every pixel, row by row. */
    public int[] luminance() {
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = luminance(x, y);
            }
        }
        return out;
    }

    /**
     * Perceptual lightness of every pixel: CIELAB L* (D65) of the sRGB colour, scaled to 0..255 (L* × 2.55),
     * so that a dark and a light skin are both spread over many levels (unlike linear luminance).
     */
    public int[] lightness() {
        int[] out = new int[width * height];
        for (int i = 0; i < out.length; i++) {
            out[i] = lightness(rgb[i]);
        }
        return out;
    }

    /** As {@link #lightness()} for the first {@code rows} rows only (the rest left 0: for measures that never read them). */
    int[] lightnessOfRows(int rows) {
        int[] out = new int[width * height];
        int end = Math.min(height, rows) * width;
        for (int i = 0; i < end; i++) {
            out[i] = lightness(rgb[i]);
        }
        return out;
    }

    static int lightness(int p) {
        double y = YR[(p >> 16) & 0xff] + YG[(p >> 8) & 0xff] + YB[p & 0xff];
        return LIGHTNESS[(int) Math.round(Math.min(1, y) * Y_LEVELS)];
    }

    /** Plain grey (Rec. 601 weights on the encoded values), for ink and paper. */
    public int[] grey() {
        int[] out = new int[width * height];
        for (int i = 0; i < out.length; i++) {
            int p = rgb[i];
            out[i] = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff)) / 1000;
        }
        return out;
    }

    public static double linear(int channel) {
        return LINEAR[channel & 0xff];
    }
}
