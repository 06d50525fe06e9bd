package kz.qujat.api;

/** A supervisor's review of an annulment: {@code verdict} AGREE or DISAGREE, and a comment. */
public record ReviewRequest(String verdict, String comment) {
}
