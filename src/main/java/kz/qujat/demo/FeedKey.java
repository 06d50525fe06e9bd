package kz.qujat.demo;

import java.security.SecureRandom;

/** A fresh random register feed key for one demo run (hex, 32 bytes of entropy). */
final class FeedKey {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private FeedKey() {
    }

    static char[] generate() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        char[] key = new char[raw.length * 2];
        for (int i = 0; i < raw.length; i++) {
            key[2 * i] = HEX[(raw[i] >> 4) & 0xf];
            key[2 * i + 1] = HEX[raw[i] & 0xf];
        }
        java.util.Arrays.fill(raw, (byte) 0);
        return key;
    }
}
