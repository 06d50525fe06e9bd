package kz.qujat.devpki;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Writes the files of the development PKI: PEM certificates and CRLs, PKCS#12 key files. */
final class DevPkiFiles {
    /** One key entry of a PKCS#12 file: its alias, key and chain (end entity first, root last). */
    record KeyEntry(String alias, PrivateKey key, List<? extends Certificate> chain) { }

    private final Path out;
    private final char[] password;

    DevPkiFiles(Path out, char[] password) {
        this.out = out;
        this.password = password.clone();
    }

    void pem(String relative, Object... objects) throws IOException {
        Path file = prepare(relative);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(w)) {
            for (Object o : objects) {
                pem.writeObject(o);
            }
        }
    }

    void p12(String relative, List<KeyEntry> entries) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Map<String, KeyEntry> byAlias = new LinkedHashMap<>();
        entries.forEach(e -> byAlias.put(e.alias(), e));
        for (KeyEntry e : byAlias.values()) {
            store.setKeyEntry(e.alias(), e.key(), password, e.chain().toArray(new Certificate[0]));
        }
        try (OutputStream o = Files.newOutputStream(prepare(relative))) {
            store.store(o, password);
        }
    }

    void text(String relative, String content) throws IOException {
        Files.writeString(prepare(relative), content, StandardCharsets.UTF_8);
    }

    /** Forgets the password copy. */
    void clear() {
        Arrays.fill(password, '\0');
    }

    private Path prepare(String relative) throws IOException {
        Path file = out.resolve(relative);
        Files.createDirectories(file.getParent());
        return file;
    }
}
