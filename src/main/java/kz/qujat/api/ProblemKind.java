package kz.qujat.api;

import java.util.Arrays;
import java.util.Optional;

/** The stable kinds of error the API returns; clients translate them by kind, not by text. */
public enum ProblemKind {
    INVALID_INPUT("invalid-input", "Invalid input", 400),
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    NOT_FOUND("not-found", "Not found", 404),
    CONFLICT("conflict", "Conflict", 409),
    TOO_LARGE("too-large", "Payload too large", 413),
    URI_TOO_LONG("uri-too-long", "URI too long", 414),
    UNSUPPORTED_MEDIA("unsupported-media-type", "Unsupported media type", 415),
    NOT_ELIGIBLE("not-eligible", "Not eligible", 422),
    /** The production node: the officer's decision does not verify or does not match the order. */
    INVALID_DECISION("invalid-decision", "Decision does not verify", 422),
    HEADERS_TOO_LARGE("headers-too-large", "Request header fields too large", 431),
    UNAVAILABLE("unavailable", "Service unavailable", 503),
    INTERNAL("internal", "Internal error", 500);

    private final String slug;
    private final String title;
    private final int status;

    ProblemKind(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return Problem.PREFIX + slug;
    }

    public static Optional<ProblemKind> fromType(String type) {
        return Arrays.stream(values()).filter(k -> k.type().equals(type)).findFirst();
    }
}
