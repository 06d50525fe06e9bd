package kz.qujat.central;

import java.util.List;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;

/**
 * A refusal a service gives its caller: the problem kind, a detail safe to show (no personal data, no SQL)
 * and field errors. The HTTP layer turns it into problem+json; services stay free of Javalin.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public ApiException(ProblemKind kind, String detail) {
        this(kind, detail, List.of());
    }

    public ApiException(ProblemKind kind, String detail, List<Problem.FieldError> errors) {
        super(kind.slug() + ": " + detail, null, false, false);
        this.problem = Problem.of(kind, detail, errors);
    }

    public Problem problem() {
        return problem;
    }

    public static ApiException invalid(String detail) {
        return new ApiException(ProblemKind.INVALID_INPUT, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemKind.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemKind.CONFLICT, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemKind.FORBIDDEN, detail);
    }

    public static ApiException unauthenticated(String detail) {
        return new ApiException(ProblemKind.UNAUTHENTICATED, detail);
    }
}
