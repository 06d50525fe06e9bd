package kz.qujat.eds;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a PKCS#11 token says about itself (label, serial, PIN counter flags), for a login screen that lists the
 * tokens and warns that the PIN is about to lock. The JDK has no public API for C_GetTokenInfo, so this reads
 * its internal PKCS#11 wrapper; it needs {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper}
 * (set in qujat.jar's manifest and for the tests) and answers an empty list when that is not granted.
 *
 * @param slot the PKCS#11 slot id ({@code slot=} in a {@link Pkcs11Config})
 */
public record TokenInfo(long slot, String label, String serialNumber, boolean pinCountLow, boolean pinFinalTry,
        boolean pinLocked) {
    private static final long CKF_USER_PIN_COUNT_LOW = 0x00010000L;
    private static final long CKF_USER_PIN_FINAL_TRY = 0x00020000L;
    private static final long CKF_USER_PIN_LOCKED = 0x00040000L;

    /** The tokens present in the module's slots; the module is loaded through SunPKCS11 first. */
    public static List<TokenInfo> list(Path library) throws EdsException {
        try (Pkcs11KeySource.Probe probe = Pkcs11KeySource.probe(Pkcs11Config.of(library, 0))) {
            Class<?> wrapper = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
            Class<?> initArgs = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS");
            Object p11 = wrapper.getMethod("getInstance", String.class, String.class, initArgs, boolean.class)
                    .invoke(null, library.toAbsolutePath().toString(), "C_GetFunctionList", null, true);
            long[] slots = (long[]) wrapper.getMethod("C_GetSlotList", boolean.class).invoke(p11, true);
            Method tokenInfo = wrapper.getMethod("C_GetTokenInfo", long.class);
            List<TokenInfo> tokens = new ArrayList<>();
            for (long slot : slots) {
                Object info = tokenInfo.invoke(p11, slot);
                long flags = info.getClass().getField("flags").getLong(info);
                tokens.add(new TokenInfo(slot, text(info, "label"), text(info, "serialNumber"),
                        (flags & CKF_USER_PIN_COUNT_LOW) != 0, (flags & CKF_USER_PIN_FINAL_TRY) != 0,
                        (flags & CKF_USER_PIN_LOCKED) != 0));
            }
            return tokens;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof IllegalAccessException || e.getCause() instanceof IllegalAccessException) {
                return List.of();
            }
            throw TokenErrors.classify("the tokens cannot be listed", e);
        }
    }

    /** The status of the token in one slot, or null when the module gives no token information. */
    public static TokenInfo of(Pkcs11Config config) throws EdsException {
        if (config.library() == null || config.slot() == null) {
            return null;
        }
        return list(config.library()).stream().filter(t -> t.slot() == config.slot()).findFirst().orElse(null);
    }

    /** "About to lock": one or a few wrong PINs left, as the token reports it. */
    public boolean pinAboutToLock() {
        return !pinLocked && (pinFinalTry || pinCountLow);
    }

    private static String text(Object info, String field) throws ReflectiveOperationException {
        char[] chars = (char[]) info.getClass().getField(field).get(info);
        return new String(chars).trim();
    }
}
