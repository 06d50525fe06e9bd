package kz.qujat.production;

import java.util.List;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;

/**
 * A request the node refuses, with the problem details to answer with. The detail names what is wrong in
 * English and never repeats personal data from the order.
 */
final class RejectedException extends Exception {
    /** 422: the officer's decision does not verify or does not match the order. */
    static final String INVALID_DECISION = Problem.PREFIX + "invalid-decision";

    private final transient Problem problem;

    private RejectedException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    static RejectedException unauthenticated(String detail) {
        return new RejectedException(Problem.of(ProblemKind.UNAUTHENTICATED, detail));
    }

    static RejectedException invalidInput(String detail) {
        return new RejectedException(Problem.of(ProblemKind.INVALID_INPUT, detail));
    }

    /** 503: the verdict could not be reached now (OCSP unreachable); the sender retries. */
    static RejectedException unavailable(String detail) {
        return new RejectedException(Problem.of(ProblemKind.UNAVAILABLE, detail));
    }

    static RejectedException invalidDecision(String detail) {
        return new RejectedException(new Problem(INVALID_DECISION, "Decision does not verify", 422, detail, List.of()));
    }

    Problem problem() {
        return problem;
    }
}
