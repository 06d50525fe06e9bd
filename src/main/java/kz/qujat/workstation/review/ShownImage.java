package kz.qujat.workstation.review;

import java.io.ByteArrayInputStream;
import javafx.scene.image.Image;
import kz.qujat.inspect.SafeImage;

/**
 * A photo as the viewers show it: a copy decoded no larger than it is drawn (the full pixels of a review's photos
 * are several MB each on the heap and again as the renderer's texture), the size of the original in pixels (which
 * the zoom, the overlays and the officer's clicks use), and the original bytes, decoded in full only while the
 * officer zooms past the copy. The checks never see the copy: they run on the bytes.
 */
final class ShownImage {
    /** The copy fits this box (a 35×45 photo 480×617): the viewers are smaller on a 1366×768 and 1920×1080 screen. */
    static final double COPY_WIDTH = 480;
    static final double COPY_HEIGHT = 617;
    private static final SafeImage HEADER = new SafeImage(Long.MAX_VALUE, Long.MAX_VALUE);
    private final Image copy;
    private final double width;
    private final double height;
    private final byte[] bytes;
    private Image full;

    private ShownImage(Image copy, double width, double height, byte[] bytes) {
        this.copy = copy;
        this.width = width;
        this.height = height;
        this.bytes = bytes;
    }

    /** Decodes the shown copy of a photo (off the FX thread); null for no bytes. */
    static ShownImage of(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        SafeImage.Result head = HEADER.header(bytes);
        Image copy = fitted(bytes, head, COPY_WIDTH, COPY_HEIGHT);
        ShownImage shown = head.ok() ? new ShownImage(copy, head.header().width(), head.header().height(), bytes)
                : new ShownImage(copy, copy.getWidth(), copy.getHeight(), bytes);
        if (copy.getWidth() >= shown.width) {
            shown.full = copy;
        }
        return shown;
    }

    /**
     * The image decoded to fit {@code maxWidth × maxHeight}, never enlarged (a signature shown 80 px high needs no
     * more than twice that); null for no bytes. Unreadable headers decode as they are, as before.
     */
    static Image fitted(byte[] bytes, double maxWidth, double maxHeight) {
        return bytes == null ? null : fitted(bytes, HEADER.header(bytes), maxWidth, maxHeight);
    }

    private static Image fitted(byte[] bytes, SafeImage.Result head, double maxWidth, double maxHeight) {
        if (!head.ok() || head.header().width() <= maxWidth && head.header().height() <= maxHeight) {
            return new Image(new ByteArrayInputStream(bytes));
        }
        double w = head.header().width();
        double h = head.header().height();
        double f = Math.min(maxWidth / w, maxHeight / h);
        return new Image(new ByteArrayInputStream(bytes), Math.max(1, Math.round(w * f)), Math.max(1, Math.round(h * f)),
                false, true);
    }

    /** The original's width in pixels. */
    double width() {
        return width;
    }

    /** The original's height in pixels. */
    double height() {
        return height;
    }

    /** The shown copy (the whole image when it is no larger than the copy would be). */
    Image copy() {
        return copy;
    }

    /**
     * What to draw at {@code viewPerPixel} view pixels per original pixel: the copy while it has enough pixels,
     * else the original decoded in full (once, kept until {@link #release}).
     */
    Image at(double viewPerPixel) {
        if (full != null) {
            return viewPerPixel <= copy.getWidth() / width ? copy : full;
        }
        if (viewPerPixel <= copy.getWidth() / width * 1.0001) {
            return copy;
        }
        full = new Image(new ByteArrayInputStream(bytes));
        return full;
    }

    /** Whether the full-size decode is held (the officer zoomed past the copy since the last release). */
    boolean holdsFull() {
        return full != null && full != copy;
    }

    /** Drops the full-size decode; the copy stays. */
    void release() {
        if (full != copy) {
            full = null;
        }
    }
}
