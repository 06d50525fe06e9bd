package kz.qujat.store;

/**
 * A database failure of any store (central or production); the message names the operation and ids only,
 * never SQL or personal data, so it is safe to log.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String operation, Throwable cause) {
        super("database failure during " + operation, cause);
    }

    /** The SQL state of the cause, safe to log (the driver's message may quote row values). */
    public String sqlState() {
        return getCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : "none";
    }
}
