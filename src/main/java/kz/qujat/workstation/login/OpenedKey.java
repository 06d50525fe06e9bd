package kz.qujat.workstation.login;

import java.util.List;
import kz.qujat.eds.Pkcs11KeySource;
import kz.qujat.eds.SigningKey;

/**
 * An authentication key opened for login, with the verdict on its certificate; from a token also the open
 * token (logged in until the challenge is signed) and the certificates it holds.
 */
record OpenedKey(SigningKey key, CertificateJudge.Verdict verdict, Pkcs11KeySource token,
                 List<LoginViewModel.TokenCertificate> certificates) {
    OpenedKey(SigningKey key, CertificateJudge.Verdict verdict) {
        this(key, verdict, null, List.of());
    }
}
