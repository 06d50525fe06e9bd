package kz.qujat.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, the one error shape of the API. {@code type} is {@code urn:qujat:problem:<kind>};
 * {@code code}, when present, is the exact reason in a stable machine-readable form (a login refused for the
 * certificate says which: {@code REVOKED}, {@code EXPIRED}, ...) for clients to translate; {@code detail} is
 * for people and logs and may change wording. {@code heldAt}, when present, is the registration point that holds the
 * document a clerk of another point asked for (code {@code OTHER_POINT}), so that the refusal can name it.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String code,
                      @JsonInclude(JsonInclude.Include.NON_NULL) ApplicantStatus.Pickup heldAt) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String PREFIX = "urn:qujat:problem:";

    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null, null);
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors, String code) {
        this(type, title, status, detail, errors, code, null);
    }

    public static Problem of(ProblemKind kind, String detail) {
        return new Problem(PREFIX + kind.slug(), kind.title(), kind.status(), detail, List.of());
    }

    public static Problem of(ProblemKind kind, String detail, List<FieldError> errors) {
        return new Problem(PREFIX + kind.slug(), kind.title(), kind.status(), detail, errors);
    }

    public Problem withCode(String reason) {
        return new Problem(type, title, status, detail, errors, reason, heldAt);
    }

    /** The same problem naming the registration point that holds the document. */
    public Problem withHeldAt(ApplicantStatus.Pickup point) {
        return new Problem(type, title, status, detail, errors, code, point);
    }

    /** The registration point that holds the document, when the server named one. */
    public java.util.Optional<ApplicantStatus.Pickup> holdingPoint() {
        return java.util.Optional.ofNullable(heldAt);
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
