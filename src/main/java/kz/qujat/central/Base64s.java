package kz.qujat.central;

import java.util.Base64;
import java.util.List;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.server.ApiException;

/**
 * Decodes base64 fields of requests strictly, with a field error instead of a parser exception: the standard
 * alphabet with its '=' padding, optionally broken into lines by CR LF or LF (MIME, RFC 2045). Anything else
 * (a stray character, which the MIME decoder would silently skip; missing, extra or inner padding; non-zero
 * bits after the last byte; the URL-safe alphabet; a data: prefix) is refused.
 */
final class Base64s {
    private Base64s() {
    }

    static byte[] decode(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw refused(field, "is required");
        }
        // one pass over the text; a copy without the line breaks only when there are any (a portal sends none)
        int n = text.length();
        StringBuilder plain = null;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128 && BASE64[c]) {
                if (plain != null) {
                    plain.append(c);
                }
                continue;
            }
            if (c == '\n' || (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n')) {
                if (plain == null) {
                    plain = new StringBuilder(n).append(text, 0, i);
                }
                continue;
            }
            throw refused(field, "not valid base64: a character outside the base64 alphabet at position " + i);
        }
        String s = plain == null ? text : plain.toString();
        if (s.isEmpty()) {
            throw refused(field, "is required");
        }
        if (s.length() % 4 != 0) {
            throw refused(field, "not valid base64: bad padding (the length without line breaks is not a multiple of 4)");
        }
        int firstPad = s.indexOf('=');
        if (firstPad >= 0 && firstPad < s.length() - 2 || firstPad >= 0 && s.substring(firstPad).chars().anyMatch(c -> c != '=')) {
            throw refused(field, "not valid base64: bad padding ('=' inside the data or more than two)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw refused(field, "not valid base64: bad padding");
        }
        // every full group of four characters is the only encoding of its three bytes; only the last group, when
        // padded, can carry bits after the last byte: it must be what the encoder writes for those bytes
        String last = s.substring(s.length() - 4);
        int tail = 3 - (int) last.chars().filter(c -> c == '=').count();
        if (!Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, bytes.length - tail, bytes.length))
                .equals(last)) {
            throw refused(field, "not valid base64: bad padding (bits set after the last byte)");
        }
        return bytes;
    }

    /** The standard alphabet and its padding character. */
    private static final boolean[] BASE64 = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            BASE64[c] = alphabet(c) || c == '=';
        }
    }

    private static boolean alphabet(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    private static ApiException refused(String field, String message) {
        return new ApiException(ProblemKind.INVALID_INPUT, field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
