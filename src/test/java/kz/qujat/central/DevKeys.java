package kz.qujat.central;

import java.nio.file.Path;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;

/** The committed development identities of certs-dev (password qujat-dev), found through qujat.certsDev. */
final class DevKeys {
    private DevKeys() {
    }

    static Path dir() {
        return Path.of(System.getProperty("qujat.certsDev", "certs-dev"));
    }

    static SigningKey authentication(String name) {
        try (Pkcs12KeySource s = Pkcs12KeySource.open(dir().resolve(name + ".p12"), "qujat-dev".toCharArray())) {
            return s.authenticationKey();
        } catch (EdsException e) {
            throw new IllegalStateException(name, e);
        }
    }

    static SigningKey signing(String name) {
        try (Pkcs12KeySource s = Pkcs12KeySource.open(dir().resolve(name + ".p12"), "qujat-dev".toCharArray())) {
            return s.signingKey();
        } catch (EdsException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
