package kz.qujat.workstation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.KeySource;
import kz.qujat.eds.Pkcs11Config;
import kz.qujat.eds.Pkcs11KeySource;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.TrustConfig;

/**
 * Where the logged-in person's keys are: a PKCS#12 file opened with its password, or a PKCS#11 token opened
 * with its PIN. Either is opened again for each signature and for unlocking, with the secret typed then, so the
 * workstation never holds an open key between decisions.
 */
public sealed interface KeyOrigin {
    /** Opens the keys; the caller clears {@code secret} afterwards and closes the source. */
    KeySource open(char[] secret, Optional<TrustConfig> trust) throws EdsException;

    /** A short name for the user: the file name or the token label. */
    String displayName();

    /** True for a token (the secret is a PIN). */
    boolean token();

    /** A PKCS#12 key file. */
    record File(Path path) implements KeyOrigin {
        @Override
        public KeySource open(char[] secret, Optional<TrustConfig> trust) throws EdsException {
            return Pkcs12KeySource.open(path, secret);
        }

        @Override
        public String displayName() {
            return path.getFileName().toString();
        }

        @Override
        public boolean token() {
            return false;
        }
    }

    /** A PKCS#11 token in the given slot of the module; the private keys never leave it. */
    record Token(Pkcs11Config config, String label) implements KeyOrigin {
        @Override
        public KeySource open(char[] secret, Optional<TrustConfig> trust) throws EdsException {
            return Pkcs11KeySource.open(config, secret, chainSource(trust));
        }

        @Override
        public String displayName() {
            return label;
        }

        @Override
        public boolean token() {
            return true;
        }

        /** The trusted CAs complete the token's chain; without them the chain is the certificate alone. */
        public static TrustConfig chainSource(Optional<TrustConfig> trust) {
            return trust.orElseGet(() -> TrustConfig.of(List.of(), List.of(), List.of()));
        }
    }
}
