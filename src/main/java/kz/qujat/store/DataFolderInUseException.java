package kz.qujat.store;

import java.io.IOException;

/** An embedded PostgreSQL data folder that cannot be used now; the message is one line saying what to do. */
public final class DataFolderInUseException extends IOException {
    public DataFolderInUseException(String message) {
        super(message);
    }
}
