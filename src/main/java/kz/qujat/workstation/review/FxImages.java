package kz.qujat.workstation.review;

import java.awt.image.BufferedImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** A Java 2D image as a JavaFX image (built off the FX thread; no javafx-swing needed). */
final class FxImages {
    private FxImages() {
    }

    static Image of(BufferedImage img) {
        if (img == null) {
            return null;
        }
        return pixels(img);
    }

    /**
     * The image no higher than {@code maxHeight} (scaled down smoothly, never up): a view that shows a scan 80 px
     * high needs no more than twice that, not the scan's every pixel on the heap and again in the renderer.
     */
    static Image of(BufferedImage img, int maxHeight) {
        if (img == null || img.getHeight() <= maxHeight) {
            return of(img);
        }
        int w = Math.max(1, (int) Math.round(img.getWidth() * (double) maxHeight / img.getHeight()));
        BufferedImage small = new BufferedImage(w, maxHeight, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, w, maxHeight, null);
        } finally {
            g.dispose();
        }
        return pixels(small);
    }

    private static Image pixels(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
