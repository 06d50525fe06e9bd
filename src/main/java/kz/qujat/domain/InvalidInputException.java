package kz.qujat.domain;

/** Input that breaks a domain rule; {@code field} names the offending field for the caller's error list. */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
