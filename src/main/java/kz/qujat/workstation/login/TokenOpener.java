package kz.qujat.workstation.login;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.Pkcs11KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.workstation.KeyOrigin;

/**
 * Logs in to a PKCS#11 token with the PIN (off the FX thread): a refused PIN comes back as {@link PinRefused}
 * with what the token's PIN counter says now; an accepted one gives the authentication key, judged, the open
 * token and the certificates it holds with what each is for.
 */
final class TokenOpener {
    private final CertificateJudge judge;
    private final Optional<TrustConfig> trust;

    TokenOpener(CertificateJudge judge, Optional<TrustConfig> trust) {
        this.judge = judge;
        this.trust = trust;
    }

    /** The PIN array is cleared whatever happens; the token is closed again unless it is handed back open. */
    OpenedKey open(KeyOrigin.Token origin, char[] pin) throws EdsException, PinRefused {
        Pkcs11KeySource source;
        try {
            source = Pkcs11KeySource.open(origin.config(), pin, KeyOrigin.Token.chainSource(trust));
        } catch (EdsException e) {
            if (e.kind() == EdsException.Kind.WRONG_PASSWORD || e.kind() == EdsException.Kind.PIN_LOCKED) {
                throw new PinRefused(e.kind() == EdsException.Kind.PIN_LOCKED ? TokenChoice.PinState.LOCKED
                        : TokenChoice.pinState(origin.config().library(), origin.config().slot()));
            }
            throw e;
        } finally {
            Arrays.fill(pin, '\0');
        }
        try {
            SigningKey auth = source.authenticationKey();
            return new OpenedKey(auth, judge.judge(auth, KeyPurpose.AUTHENTICATION), source, listed(source));
        } catch (EdsException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static List<LoginViewModel.TokenCertificate> listed(Pkcs11KeySource source) {
        String signing = certificateOf(source, KeyPurpose.SIGNING);
        String authentication = certificateOf(source, KeyPurpose.AUTHENTICATION);
        List<LoginViewModel.TokenCertificate> list = new ArrayList<>();
        for (SigningKey key : source.keys()) {
            String serial = key.certificate().getSerialNumber().toString(16);
            String purpose = serial.equals(authentication) ? "login.token.purpose.authentication"
                    : serial.equals(signing) ? "login.token.purpose.signing" : "login.token.purpose.other";
            list.add(new LoginViewModel.TokenCertificate(purpose, CertificateCard.of(key.certificate())));
        }
        // authentication, other, signing
        list.sort(Comparator.comparing(LoginViewModel.TokenCertificate::purposeKey));
        return list;
    }

    private static String certificateOf(Pkcs11KeySource source, KeyPurpose purpose) {
        try {
            SigningKey key = purpose == KeyPurpose.SIGNING ? source.signingKey() : source.authenticationKey();
            return key.certificate().getSerialNumber().toString(16);
        } catch (EdsException none) {
            return null;
        }
    }
}
