package kz.qujat.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, the one error shape of the API. {@code type} is {@code urn:qujat:problem:<kind>};
 * {@code code}, when present, is the exact reason in a stable machine-readable form (a login refused for the
 * certificate says which: {@code REVOKED}, {@code EXPIRED}, ...) for clients to translate; {@code detail} is
 * for people and logs and may change wording.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String code) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String PREFIX = "urn:qujat:problem:";

    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null);
    }

    public static Problem of(ProblemKind kind, String detail) {
        return new Problem(PREFIX + kind.slug(), kind.title(), kind.status(), detail, List.of());
    }

    public static Problem of(ProblemKind kind, String detail, List<FieldError> errors) {
        return new Problem(PREFIX + kind.slug(), kind.title(), kind.status(), detail, errors);
    }

    public Problem withCode(String reason) {
        return new Problem(type, title, status, detail, errors, reason);
    }

    /** The machine-readable reason, when the server gave one. */
    public java.util.Optional<String> reasonCode() {
        return java.util.Optional.ofNullable(code);
    }

    /** The kind, or empty when the server sent a type this client does not know. */
    public java.util.Optional<ProblemKind> kind() {
        return ProblemKind.fromType(type);
    }
}
