package kz.qujat.workstation.login;

import java.nio.file.Path;
import java.util.Arrays;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;

/** Opens a PKCS#12 file with its password and judges its authentication certificate (off the FX thread). */
final class FileKeyOpener {
    private final CertificateJudge judge;

    FileKeyOpener(CertificateJudge judge) {
        this.judge = judge;
    }

    /** The password array is cleared whatever happens. */
    OpenedKey open(Path file, char[] password) throws EdsException {
        try (Pkcs12KeySource source = Pkcs12KeySource.open(file, password)) {
            SigningKey auth = source.authenticationKey();
            return new OpenedKey(auth, judge.judge(auth, KeyPurpose.AUTHENTICATION));
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
