package kz.qujat.central;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;

/**
 * Accepts an image sent as base64 only if it is a JPEG or PNG of sane size: the byte size is checked before
 * decoding the base64, and the pixel count is read from the header before any pixel is decoded, so a
 * small file that claims a huge image (a decompression bomb) never reaches the full decode.
 */
public final class ImageCheck {
    private final long maxBytes;
    private final long maxPixels;

    public ImageCheck(long maxBytes, long maxPixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    /** A checked image: its bytes and format ({@code jpeg} or {@code png}). */
    public record Image(byte[] bytes, String format, int width, int height) {
    }

    public Image check(String field, String base64) {
        if (base64 == null || base64.isEmpty()) {
            throw fieldError(field, "image is required (base64 JPEG or PNG)");
        }
        if ((long) base64.length() / 4 * 3 > maxBytes + 3) {
            throw new ApiException(ProblemKind.TOO_LARGE, field + " is larger than " + maxBytes / (1024 * 1024)
                    + " MB", List.of(new Problem.FieldError(field, "image is larger than " + maxBytes + " bytes")));
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw fieldError(field, "image is not valid base64");
        }
        if (bytes.length > maxBytes) {
            throw new ApiException(ProblemKind.TOO_LARGE, field + " is larger than " + maxBytes / (1024 * 1024)
                    + " MB", List.of(new Problem.FieldError(field, "image is larger than " + maxBytes + " bytes")));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw fieldError(field, "image is neither JPEG nor PNG");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals("jpeg") && !format.equals("png")) {
                    throw fieldError(field, "image is " + format + ", only JPEG or PNG are accepted");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw fieldError(field, "image has " + width + "x" + height + " pixels, more than "
                            + maxPixels / 1_000_000 + " megapixels");
                }
                TruncationWatch watch = new TruncationWatch();
                reader.addIIOReadWarningListener(watch);
                reader.read(0);
                if (watch.warning != null) {
                    throw fieldError(field, "image data is damaged or truncated");
                }
                return new Image(bytes, format, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw fieldError(field, "image cannot be decoded (damaged or truncated)");
        }
    }

    private static ApiException fieldError(String field, String message) {
        return new ApiException(ProblemKind.INVALID_INPUT, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** ImageIO reports a truncated JPEG as a warning, not an exception; we treat it as damage. */
    private static final class TruncationWatch implements javax.imageio.event.IIOReadWarningListener {
        private String warning;

        @Override
        public void warningOccurred(ImageReader source, String message) {
            warning = message;
        }
    }
}
