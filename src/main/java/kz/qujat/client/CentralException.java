package kz.qujat.client;

import java.util.Optional;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;

/**
 * A call to the central service that did not succeed: either the server answered with a problem (status
 * and parsed problem details), or it could not be reached ({@code status} 0, no problem).
 */
public final class CentralException extends Exception {
    private final int status;
    private final transient Problem problem;

    public CentralException(int status, Problem problem) {
        super(problem == null ? "HTTP " + status : status + " " + problem.type() + ": " + problem.detail());
        this.status = status;
        this.problem = problem;
    }

    public CentralException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.problem = null;
    }

    /** HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    public Optional<ProblemKind> kind() {
        return problem().flatMap(Problem::kind);
    }
}
