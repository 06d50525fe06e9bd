package kz.qujat.tools.synthetic;

import java.awt.image.BufferedImage;

/** Simple pixel measures the synthetic-data tests assert on. */
final class Pixels {
    private Pixels() {
    }

    static double meanBrightness(BufferedImage img) {
        double sum = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                sum += (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3.0;
            }
        }
        return sum / ((double) img.getWidth() * img.getHeight());
    }

    /** Mean of max(R,G,B) - min(R,G,B): zero for a grey image. */
    static double meanChroma(BufferedImage img) {
        double sum = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                sum += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
            }
        }
        return sum / ((double) img.getWidth() * img.getHeight());
    }

    static BufferedImage crop(BufferedImage img, int x, int y, int w, int h) {
        return img.getSubimage(x, y, w, h);
    }

    static boolean ink(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y);
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3 < 128;
    }

    static double inkShare(BufferedImage img) {
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                ink += ink(img, x, y) ? 1 : 0;
            }
        }
        return ink / ((double) img.getWidth() * img.getHeight());
    }

    /** How many of the four edges have ink within 2 px. */
    static int inkTouchesEdges(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean left = false;
        boolean right = false;
        boolean top = false;
        boolean bottom = false;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink(img, x, y)) {
                    left |= x < 2;
                    right |= x >= w - 2;
                    top |= y < 2;
                    bottom |= y >= h - 2;
                }
            }
        }
        return (left ? 1 : 0) + (right ? 1 : 0) + (top ? 1 : 0) + (bottom ? 1 : 0);
    }
}
