package kz.qujat.production.store;

/** A database failure of the production store; the message names ids only, never personal data. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
