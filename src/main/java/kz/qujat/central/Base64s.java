package kz.qujat.central;

import java.util.Base64;
import java.util.List;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.server.ApiException;

/** Decodes base64 fields of requests with a field error instead of a parser exception. */
final class Base64s {
    private Base64s() {
    }

    static byte[] decode(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new ApiException(ProblemKind.INVALID_INPUT, field + " is required",
                    List.of(new Problem.FieldError(field, "is required")));
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ProblemKind.INVALID_INPUT, field + " is not valid base64",
                    List.of(new Problem.FieldError(field, "not valid base64")));
        }
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
