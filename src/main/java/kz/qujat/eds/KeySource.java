package kz.qujat.eds;

/**
 * Where a person's keys live: a PKCS#12 file today ({@link Pkcs12KeySource}); a PKCS#11 token (ID card,
 * Kaztoken) implements the same interface with the token's provider in {@link SigningKey#provider()}.
 */
public interface KeySource extends AutoCloseable {
    /** The key whose certificate allows legally binding signatures (nonRepudiation), picked by key usage. */
    SigningKey signingKey() throws EdsException;

    /** The key whose certificate allows authentication, picked by key usage. */
    SigningKey authenticationKey() throws EdsException;

    @Override
    void close();
}
