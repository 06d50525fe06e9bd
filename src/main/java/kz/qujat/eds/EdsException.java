package kz.qujat.eds;

/** A key or signature operation that could not be done, with a kind the caller can show to the user. */
public final class EdsException extends Exception {
    /**
     * Why it failed. WRONG_PASSWORD is also a wrong token PIN; PIN_LOCKED: the token refuses the PIN for good
     * (unlock with the PUK); TOKEN_REMOVED: the token went away mid-session (log in again); UNREACHABLE: a TSA
     * or OCSP responder did not answer usefully (retry later; never a reason to call a signature invalid).
     */
    public enum Kind { WRONG_PASSWORD, NO_SUCH_KEY, UNREADABLE, PROVIDER, PIN_LOCKED, TOKEN_REMOVED, UNREACHABLE }

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
