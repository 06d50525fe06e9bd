package kz.qujat.api;

/** A supervisor's release of a claim: why (recorded in the application's history with the supervisor). */
public record ReleaseRequest(String reason) {
}
