package kz.qujat.inspect;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** An 8-bit grey copy of an image at a given size, as the detectors want it. */
final class Grey {
    private Grey() {
    }

    static byte[] of(BufferedImage src, int w, int h) {
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData().clone();
    }
}
