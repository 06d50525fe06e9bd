package kz.qujat.eds;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How to reach a PKCS#11 token, read from a small properties file so that a new token (Kaztoken, eToken,
 * JaCarta, the ID card) or a certified national provider is configuration, not code.
 *
 * <pre>
 * library=/usr/lib/softhsm/libsofthsm2.so   # the vendor's PKCS#11 module (SunPKCS11 only)
 * slotListIndex=0                           # or slot=&lt;id&gt;; slot ids may change when a token is re-plugged
 * provider=SunPKCS11                        # any installed JCA provider name, e.g. a GOST provider
 * keyStoreType=PKCS11                       # the key store type that provider offers
 * </pre>
 *
 * @param slot the PKCS#11 slot id, or null
 * @param slotListIndex the index in the list of slots with a token, or null (then 0 unless slot is set)
 */
public record Pkcs11Config(Path library, Long slot, Integer slotListIndex, String providerName, String keyStoreType) {
    public static final String SUN_PKCS11 = "SunPKCS11";

    public Pkcs11Config {
        providerName = providerName == null || providerName.isBlank() ? SUN_PKCS11 : providerName.trim();
        keyStoreType = keyStoreType == null || keyStoreType.isBlank() ? "PKCS11" : keyStoreType.trim();
        if (SUN_PKCS11.equals(providerName) && library == null) {
            throw new IllegalArgumentException("a PKCS#11 configuration needs library=<path of the PKCS#11 module>");
        }
    }

    /** The SunPKCS11 module at {@code library}, token at the given index of the slots that hold a token. */
    public static Pkcs11Config of(Path library, int slotListIndex) {
        return new Pkcs11Config(library, null, slotListIndex, null, null);
    }

    /** The same token source with another slot index (used to walk the slots when listing tokens). */
    public Pkcs11Config withSlotListIndex(int index) {
        return new Pkcs11Config(library, null, index, providerName, keyStoreType);
    }

    /** Reads the properties file; unknown keys are refused so that a typo does not silently pick slot 0. */
    public static Pkcs11Config load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        for (String key : p.stringPropertyNames()) {
            if (!key.matches("library|slot|slotListIndex|provider|keyStoreType")) {
                throw new IOException("unknown key '" + key + "' in " + file.getFileName()
                        + " (known: library, slot, slotListIndex, provider, keyStoreType)");
            }
        }
        try {
            String library = p.getProperty("library");
            String slot = p.getProperty("slot");
            String index = p.getProperty("slotListIndex");
            return new Pkcs11Config(library == null ? null : Path.of(library.trim()),
                    slot == null ? null : Long.decode(slot.trim()),
                    index == null ? null : Integer.valueOf(index.trim()),
                    p.getProperty("provider"), p.getProperty("keyStoreType"));
        } catch (IllegalArgumentException e) {
            throw new IOException("bad PKCS#11 configuration " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The SunPKCS11 configuration text (inline form, starting with "--"). */
    String sunPkcs11Text(String name) {
        StringBuilder b = new StringBuilder("--name=").append(name).append('\n')
                .append("library=").append(library.toAbsolutePath()).append('\n');
        if (slot != null) {
            b.append("slot=").append(slot).append('\n');
        } else {
            b.append("slotListIndex=").append(slotListIndex == null ? 0 : slotListIndex).append('\n');
        }
        return b.toString();
    }
}
