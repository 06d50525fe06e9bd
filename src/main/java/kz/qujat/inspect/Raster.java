package kz.qujat.inspect;

import java.awt.image.BufferedImage;

/**
 * The pixels of a decoded image as packed RGB, with the two brightness measures the checks use:
 * linear-light luminance L (PHOTO-SIGNATURE.md) and plain 8-bit grey for ink on paper.
 */
public final class Raster {
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private final int width;
    private final int height;
    private final int[] rgb;

    public Raster(BufferedImage image) {
        this.width = image.getWidth();
        this.height = image.getHeight();
        this.rgb = image.getRGB(0, 0, width, height, null, 0, width);
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
        double yLin = 0.2126 * LINEAR[(p >> 16) & 0xff] + 0.7152 * LINEAR[(p >> 8) & 0xff] + 0.0722 * LINEAR[p & 0xff];
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
