package kz.qujat.inspect;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes untrusted JPEG or PNG bytes safely: the format is read from the magic bytes, the dimensions
 * from the header before any pixel is decoded (so a decompression bomb is refused unread), and a
 * truncated or corrupt file is reported rather than silently padded with grey as ImageIO would do.
 */
public final class SafeImage {

    public enum Format { JPEG, PNG }

    /** Why bytes are not a usable image; {@link #messageKey()} explains it to the officer. */
    public enum Problem {
        EMPTY, NOT_JPEG_OR_PNG, TOO_MANY_BYTES, TOO_MANY_PIXELS, TRUNCATED, CORRUPT, BAD_CHECKSUM;

        public String messageKey() {
            return "inspect.decode." + name().toLowerCase().replace('_', '-');
        }
    }

    /** Header facts, known before decoding. */
    public record Header(Format format, int width, int height, long bytes) {
        public long pixels() {
            return (long) width * height;
        }
    }

    /** Either a decoded image with its header, or the problem. */
    public record Result(Header header, BufferedImage image, Problem problem, String detail) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final long maxBytes;
    private final long maxPixels;

    public SafeImage(long maxBytes, long maxPixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    public static SafeImage fromThresholds(Thresholds t) {
        return new SafeImage((long) t.number("photo.maxBytes"), (long) (t.number("photo.maxMegapixels") * 1_000_000));
    }

    public static Format sniff(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xff) == 0xFF && (data[1] & 0xff) == 0xD8 && (data[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (data.length >= png.length) {
            for (int i = 0; i < png.length; i++) {
                if (data[i] != png[i]) {
                    return null;
                }
            }
            return Format.PNG;
        }
        return null;
    }

    /** Reads format and dimensions without decoding pixels. */
    public Result header(byte[] data) {
        if (data == null || data.length == 0) {
            return failed(null, Problem.EMPTY, "no bytes");
        }
        Format format = sniff(data);
        if (format == null) {
            return failed(null, Problem.NOT_JPEG_OR_PNG, "neither JPEG nor PNG");
        }
        if (data.length > maxBytes) {
            return failed(new Header(format, 0, 0, data.length), Problem.TOO_MANY_BYTES,
                    data.length + " bytes > " + maxBytes);
        }
        try (ImageInputStream in = new BytesImageInput(data)) {
            ImageReader reader = reader(format);
            try {
                reader.setInput(in, true, true);
                Header h = new Header(format, reader.getWidth(0), reader.getHeight(0), data.length);
                if (h.width() <= 0 || h.height() <= 0) {
                    return failed(h, Problem.CORRUPT, "zero dimensions");
                }
                if (h.pixels() > maxPixels) {
                    return failed(h, Problem.TOO_MANY_PIXELS, h.width() + "x" + h.height());
                }
                return new Result(h, null, null, "");
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return failed(null, Problem.CORRUPT, "unreadable header");
        }
    }

    /**
     * {@code decoded}, the result of decoding exactly {@code data} elsewhere (the central service's edge check), when
     * it decoded and lies within this decoder's own limits; otherwise {@code data} decoded here. Either way the same
     * result as {@link #decode}: decoding is deterministic, and only the limits can differ between two decoders.
     */
    public Result decode(byte[] data, Result decoded) {
        if (decoded != null && decoded.ok() && decoded.image() != null && data != null
                && decoded.header().bytes() == data.length && decoded.header().bytes() <= maxBytes
                && decoded.header().pixels() <= maxPixels) {
            return decoded;
        }
        return decode(data);
    }

    /** Header checks, then a full decode that refuses truncated or corrupt data. */
    public Result decode(byte[] data) {
        Result head = header(data);
        if (!head.ok()) {
            return head;
        }
        Header h = head.header();
        if (!complete(data, h.format())) {
            return failed(h, Problem.TRUNCATED, "the file ends before its end marker");
        }
        if (h.format() == Format.PNG) {
            String bad = PngChunks.firstFault(data);
            if (bad != null) {
                return failed(h, Problem.BAD_CHECKSUM, bad);
            }
        }
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new BytesImageInput(data)) {
            ImageReader reader = reader(h.format());
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage img = reader.read(0, destination(reader, h));
                if (!warnings.isEmpty()) {
                    return failed(h, Problem.CORRUPT, "decoder warning");
                }
                return new Result(h, img, null, "");
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return failed(h, Problem.CORRUPT, "decoder error");
        }
    }

    /**
     * Where a colour image's pixels go. ImageIO's own choice for an 8-bit colour JPEG or PNG without alpha is 3-byte
     * BGR, but both decoders hand over each line in R, G, B order, so every line was then copied pixel by pixel into
     * the reversed order (for a JPEG a third of the decode's time). Such an image is decoded into {@link #rgbImage}
     * instead: the same colour model (sRGB, 8 bits, opaque), the same pixel values, each line copied whole (a JPEG's
     * own colour profile is still converted to sRGB on the way). Every other image (grey, alpha, a palette, 16 bits)
     * gets ImageIO's own choice, as before.
     */
    private static ImageReadParam destination(ImageReader reader, Header h) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types.hasNext() && types.next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
            param.setDestination(rgbImage(h.width(), h.height()));
        }
        return param;
    }

    /** An opaque 8-bit sRGB image whose pixels lie in memory as R, G, B, row after row ({@link Raster} reads it whole). */
    static BufferedImage rgbImage(int width, int height) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height,
                width * 3, 3, new int[] {0, 1, 2}, null);
        return new BufferedImage(model, raster, false, null);
    }

    private static ImageReader reader(Format format) throws IOException {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format == Format.JPEG ? "jpeg" : "png");
        if (!it.hasNext()) {
            throw new IOException("no reader for " + format);
        }
        return it.next();
    }

    /** JPEG must end with EOI (FFD9, trailing zero padding tolerated); PNG with the IEND chunk. */
    static boolean complete(byte[] d, Format format) {
        int end = d.length;
        if (format == Format.JPEG) {
            while (end > 2 && d[end - 1] == 0) {
                end--;
            }
            return end >= 2 && (d[end - 2] & 0xff) == 0xFF && (d[end - 1] & 0xff) == 0xD9;
        }
        byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
        if (end < iend.length) {
            return false;
        }
        for (int i = 0; i < iend.length; i++) {
            if (d[end - iend.length + i] != iend[i]) {
                return false;
            }
        }
        return true;
    }

    private static Result failed(Header h, Problem p, String detail) {
        return new Result(h, null, p, detail);
    }
}
