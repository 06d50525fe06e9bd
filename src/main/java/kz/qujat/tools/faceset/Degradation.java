package kz.qujat.tools.faceset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Arrays;

/**
 * The known defects the evaluation applies to each clean portrait, with their settings. Brightness
 * changes act on the values as stored (sRGB), as an exposure error or a careless edit does, and clip at 255.
 */
public enum Degradation {
    CLEAN("clean", "as photographed"),
    DARKENED("darkened x0.3", "every channel x0.3"),
    BLOWN_OUT("blown out x3.5", "every channel x3.5, clipped at 255"),
    WASHED_OUT("washed out", "contrast x0.4 towards white: v' = 255 - 0.4 (255 - v)"),
    BLURRED("blurred", "box blur 9x9 applied twice (about a Gaussian of sigma 3.7 px at IED ~ 200 px)"),
    TILTED("tilted 10 deg", "rotated 10 degrees about the image centre");

    private final String label;
    private final String setting;

    Degradation(String label, String setting) {
        this.label = label;
        this.setting = setting;
    }

    public String label() {
        return label;
    }

    public String setting() {
        return setting;
    }

    public BufferedImage apply(BufferedImage src) {
        return switch (this) {
            case CLEAN -> src;
            case DARKENED -> map(src, v -> v * 0.3);
            case BLOWN_OUT -> map(src, v -> v * 3.5);
            case WASHED_OUT -> map(src, v -> 255 - 0.4 * (255 - v));
            case BLURRED -> blur(src, 4);
            case TILTED -> rotate(src, 10);
        };
    }

    private interface Curve {
        double at(int v);
    }

    private static BufferedImage map(BufferedImage src, Curve c) {
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (int) Math.max(0, Math.min(255, Math.round(c.at(v))));
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int p = src.getRGB(x, y);
                out.setRGB(x, y, (lut[(p >> 16) & 0xff] << 16) | (lut[(p >> 8) & 0xff] << 8) | lut[p & 0xff]);
            }
        }
        return out;
    }

    private static BufferedImage blur(BufferedImage src, int radius) {
        int size = 2 * radius + 1;
        float[] k = new float[size * size];
        Arrays.fill(k, 1f / (size * size));
        ConvolveOp op = new ConvolveOp(new Kernel(size, size, k), ConvolveOp.EDGE_NO_OP, null);
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(src, 0, 0, null);
        return op.filter(op.filter(rgb, null), null);
    }

    private static BufferedImage rotate(BufferedImage src, double degrees) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(src.getRGB(5, 5)));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, AffineTransform.getRotateInstance(Math.toRadians(degrees), src.getWidth() / 2.0,
                src.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }
}
