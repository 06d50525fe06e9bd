package kz.qujat.server;

import java.util.List;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;

/**
 * A refusal a service of the central service or of the production node gives its caller: the problem kind,
 * a detail safe to show (no personal data, no SQL), field errors and, where a client must act on the exact
 * reason, a machine-readable code. {@code ProblemWriter} turns it into problem+json; services stay free of
 * Javalin.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public ApiException(ProblemKind kind, String detail) {
        this(kind, detail, List.of());
    }

    public ApiException(ProblemKind kind, String detail, List<Problem.FieldError> errors) {
        this(Problem.of(kind, detail, errors));
    }

    private ApiException(Problem problem) {
        super(problem.type() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** The same refusal with a machine-readable code clients translate (e.g. the certificate's REVOKED). */
    public ApiException withCode(String code) {
        return new ApiException(problem.withCode(code));
    }

    /** The same refusal naming the registration point that holds the document (a clerk of another point). */
    public ApiException withHeldAt(kz.qujat.api.ApplicantStatus.Pickup point) {
        return new ApiException(problem.withHeldAt(point));
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

    /** 503: the answer cannot be given now (database, OCSP); the caller retries. */
    public static ApiException unavailable(String detail) {
        return new ApiException(ProblemKind.UNAVAILABLE, detail);
    }

    /** 422: an officer's decision that does not verify or does not match what it decides. */
    public static ApiException invalidDecision(String detail) {
        return new ApiException(ProblemKind.INVALID_DECISION, detail);
    }
}
