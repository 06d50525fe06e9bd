package kz.qujat.api;

/** The application's status after the decision. */
public record DecisionResponse(String status) {
}
