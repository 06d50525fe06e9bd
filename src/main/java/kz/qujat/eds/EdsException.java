package kz.qujat.eds;

/** A key or signature operation that could not be done, with a kind the caller can show to the user. */
public final class EdsException extends Exception {
    /** Why it failed. */
    public enum Kind { WRONG_PASSWORD, NO_SUCH_KEY, UNREADABLE, PROVIDER }

    private final Kind kind;

    public EdsException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public EdsException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
