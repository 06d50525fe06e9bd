package kz.qujat.central;

import java.util.List;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.inspect.SafeImage;
import kz.qujat.server.ApiException;

/**
 * Accepts an image sent as base64 only if it is a JPEG or PNG of sane size: the byte size is checked before
 * decoding the base64, and {@link SafeImage} reads the pixel count from the header before any pixel is
 * decoded (so a decompression bomb never reaches the full decode) and refuses truncated or corrupt data.
 */
public final class ImageCheck {
    private final long maxBytes;
    private final long maxPixels;
    private final SafeImage decoder;

    public ImageCheck(long maxBytes, long maxPixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.decoder = new SafeImage(maxBytes, maxPixels);
    }

    /**
     * A checked image: its bytes and format ({@code jpeg} or {@code png}), and the decoded pixels, which intake's
     * photo and signature checks measure without decoding the bytes again.
     */
    public record Image(byte[] bytes, String format, int width, int height, SafeImage.Result decoded) {
    }

    public Image check(String field, String base64) {
        if (base64 == null || base64.isEmpty()) {
            throw fieldError(field, "image is required (base64 JPEG or PNG)");
        }
        if ((long) base64.length() / 4 * 3 > maxBytes + 3) {
            throw tooLarge(field);
        }
        byte[] bytes = Base64s.decode(field, base64);
        SafeImage.Result r = decoder.decode(bytes);
        if (r.ok()) {
            return new Image(bytes, r.header().format() == SafeImage.Format.JPEG ? "jpeg" : "png",
                    r.header().width(), r.header().height(), r);
        }
        throw switch (r.problem()) {
            case TOO_MANY_BYTES -> tooLarge(field);
            case EMPTY -> fieldError(field, "image is required (base64 JPEG or PNG)");
            case NOT_JPEG_OR_PNG -> fieldError(field, "image is neither JPEG nor PNG");
            case TOO_MANY_PIXELS -> fieldError(field, "image has " + r.header().width() + "x" + r.header().height()
                    + " pixels, more than " + maxPixels / 1_000_000 + " megapixels");
            case TRUNCATED, CORRUPT -> fieldError(field, "image data is damaged or truncated");
            case BAD_CHECKSUM -> fieldError(field, "image data is damaged: " + r.detail());
        };
    }

    private ApiException tooLarge(String field) {
        return new ApiException(ProblemKind.TOO_LARGE, field + " is larger than " + maxBytes / (1024 * 1024) + " MB",
                List.of(new Problem.FieldError(field, "image is larger than " + maxBytes + " bytes")));
    }

    private static ApiException fieldError(String field, String message) {
        return new ApiException(ProblemKind.INVALID_INPUT, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
