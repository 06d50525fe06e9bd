package kz.qujat.workstation.login;

import kz.qujat.client.CentralException;
import kz.qujat.client.StaffClient;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.Pkcs11KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.workstation.KeyOrigin;
import kz.qujat.workstation.StaffSession;

/**
 * Signs the central service's one-time challenge with the authentication key and returns the session (off
 * the FX thread). A token is logged out afterwards whatever the server says: the PIN is typed again to sign.
 */
final class ChallengeLogin {
    private ChallengeLogin() {
    }

    static StaffSession logIn(StaffClient client, SigningKey key, KeyOrigin keys, Pkcs11KeySource token)
            throws CentralException, EdsException {
        try {
            return new StaffSession(client, client.login(key), keys);
        } finally {
            if (token != null) {
                token.close();
            }
        }
    }
}
