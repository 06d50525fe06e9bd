package kz.qujat.eds;

import java.util.Locale;

/**
 * Turns what a PKCS#11 provider throws into an {@link EdsException} the user can act on. SunPKCS11 reports the
 * token's return value (CKR_...) only in exception messages down the cause chain, so the chain is read.
 */
final class TokenErrors {
    private TokenErrors() {
    }

    static EdsException classify(String action, Throwable e) {
        String codes = codes(e);
        if (codes.contains("CKR_PIN_LOCKED")) {
            return new EdsException(EdsException.Kind.PIN_LOCKED,
                    "the token PIN is locked; unlock it with the PUK (SO PIN) or ask the issuer", e);
        }
        if (codes.contains("CKR_PIN_INCORRECT") || codes.contains("CKR_PIN_LEN_RANGE")
                || codes.contains("CKR_PIN_INVALID")) {
            return new EdsException(EdsException.Kind.WRONG_PASSWORD, "wrong PIN for the token", e);
        }
        if (codes.contains("CKR_DEVICE_REMOVED") || codes.contains("CKR_TOKEN_NOT_PRESENT")
                || codes.contains("CKR_SESSION_HANDLE_INVALID") || codes.contains("CKR_SESSION_CLOSED")
                || codes.contains("CKR_DEVICE_ERROR") || codes.contains("TOKEN HAS BEEN REMOVED")
                || codes.contains("CKR_SLOT_ID_INVALID") || codes.contains("CKR_CRYPTOKI_NOT_INITIALIZED")) {
            return new EdsException(EdsException.Kind.TOKEN_REMOVED,
                    "the token was removed or stopped answering; insert it and log in again", e);
        }
        return new EdsException(EdsException.Kind.PROVIDER, action + ": " + firstMessage(e), e);
    }

    private static String codes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(' ').append(t.getClass().getSimpleName()).append(' ').append(t.getMessage());
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    private static String firstMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
