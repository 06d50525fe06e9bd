package kz.qujat.api;

import java.util.List;

/** RFC 9457 problem details, the one error shape of the API. {@code type} is {@code urn:qujat:problem:<kind>}. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String PREFIX = "urn:qujat:problem:";

    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(ProblemKind kind, String detail) {
        return new Problem(PREFIX + kind.slug(), kind.title(), kind.status(), detail, List.of());
    }

    public static Problem of(ProblemKind kind, String detail, List<FieldError> errors) {
        return new Problem(PREFIX + kind.slug(), kind.title(), kind.status(), detail, errors);
    }

    /** The kind, or empty when the server sent a type this client does not know. */
    public java.util.Optional<ProblemKind> kind() {
        return ProblemKind.fromType(type);
    }
}
