package kz.qujat.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qujat.eds.Pkcs11Config;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real PKCS#11 token for tests: SoftHSM2 with its token folder under target/, two tokens (RSA-2048 and
 * ECDSA P-256) each with an authentication and a signing key generated ON the token, and certificates for
 * those keys issued by the development intermediate CA and written to the token. Set up once per test JVM,
 * because the SoftHSM library reads SOFTHSM2_CONF (set by surefire) once when the JVM loads it.
 * Without SoftHSM a test is skipped on a developer machine and FAILS in CI (environment variable CI set).
 */
public final class SoftHsm {
    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String PIN = "1234";
    public static final String SO_PIN = "5678";
    /** The development officer whose IIN and names the token certificates carry (staff-dev.csv knows him). */
    public static final String OFFICER_IIN = "850314312017";

    /** One initialised token: its slot id and the certificates written to it. */
    public record Token(String label, long slot, X509Certificate authentication, X509Certificate signing) {
        public Pkcs11Config config() {
            return new Pkcs11Config(LIBRARY, slot, null, null, null);
        }

        /** A properties file for {@code --pkcs11}. */
        public Path writeConfig(Path file) throws IOException {
            return Files.writeString(file, "library=" + LIBRARY + "\nslot=" + slot + "\n");
        }
    }

    /** The tokens, made on first use; {@code lockTest} is for wrong-PIN tests only. */
    public record Tokens(Token rsa, Token ec, Token lockTest) { }

    private static final class Holder {
        static final Tokens TOKENS = create();
    }

    private SoftHsm() {
    }

    /**
     * The SoftHSM module, only after the tokens exist: the library reads SOFTHSM2_CONF once when the JVM
     * first loads it, so loading it before {@link #tokens()} wrote the config would see stale tokens.
     */
    public static Path library() {
        tokens();
        return LIBRARY;
    }

    public static Tokens tokens() {
        requireSoftHsm();
        return Holder.TOKENS;
    }

    /** A token that tests may lock with wrong PINs. */
    public static Token lockTestToken() {
        return tokens().lockTest();
    }

    public static void requireSoftHsm() {
        Requires.file(LIBRARY, "softhsm2");
        Requires.command("softhsm2-util", "softhsm2");
        Requires.command("pkcs11-tool", "opensc");
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new AssertionError("SOFTHSM2_CONF is not set: run the tests through Maven (surefire sets it)");
        }
    }

    private static Tokens create() {
        try {
            Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
            Path tokenDir = conf.resolveSibling("tokens-" + System.nanoTime());
            Files.createDirectories(tokenDir);
            Files.writeString(conf, "directories.tokendir = " + tokenDir.toAbsolutePath()
                    + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
            return new Tokens(token("officer-rsa", "rsa:2048"), token("officer-ec", "EC:prime256v1"),
                    token("lock-test", "EC:prime256v1"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the SoftHSM token", e);
        }
    }

    private static Token token(String label, String keyType) throws Exception {
        String out = run("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", SO_PIN);
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        assertThat(m.find()).as("slot of the new token in: " + out).isTrue();
        long slot = Long.parseLong(m.group(1));
        X509Certificate auth = keyAndCertificate(slot, keyType, "01", "authentication", true);
        X509Certificate sign = keyAndCertificate(slot, keyType, "02", "signing", false);
        return new Token(label, slot, auth, sign);
    }

    private static X509Certificate keyAndCertificate(long slot, String keyType, String id, String label,
            boolean authentication) throws Exception {
        tool(slot, "--login", "--pin", PIN, "--keypairgen", "--key-type", keyType, "--id", id, "--label", label);
        Path pub = Files.createTempFile(work(), "pub", ".der");
        tool(slot, "--read-object", "--type", "pubkey", "--id", id, "-o", pub.toString());
        byte[] spki = Files.readAllBytes(pub);
        PublicKey key = KeyFactory.getInstance(keyType.startsWith("EC") ? "EC" : "RSA")
                .generatePublic(new X509EncodedKeySpec(spki));
        X509Certificate cert = issue(key, authentication);
        Path der = Files.write(Files.createTempFile(work(), "cert", ".der"), cert.getEncoded());
        tool(slot, "--login", "--pin", PIN, "--write-object", der.toString(), "--type", "cert", "--id", id,
                "--label", label);
        return cert;
    }

    /** A certificate in the Kazakh profile for the token key, issued by certs-dev/ca/intermediate-ca.p12. */
    public static X509Certificate issue(PublicKey key, boolean authentication) throws Exception {
        return issue(key, authentication, TestClock.NOW.minus(1, ChronoUnit.DAYS), TestClock.NOW.plus(365, ChronoUnit.DAYS));
    }

    /** As {@link #issue(PublicKey, boolean)}, valid from {@code notBefore} to {@code notAfter}. */
    public static X509Certificate issue(PublicKey key, boolean authentication, Instant notBefore, Instant notAfter)
            throws Exception {
        KeyStore ca = KeyStore.getInstance("PKCS12");
        char[] password = DevIdentities.PASSWORD.toCharArray();
        try (InputStream in = Files.newInputStream(DevIdentities.dir().resolve("ca/intermediate-ca.p12"))) {
            ca.load(in, password);
        }
        PrivateKey caKey = (PrivateKey) ca.getKey("intermediate-ca", password);
        X509Certificate caCert = (X509Certificate) ca.getCertificate("intermediate-ca");
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "KZ")
                .addRDN(BCStyle.SERIALNUMBER, "IIN" + OFFICER_IIN).addRDN(BCStyle.CN, "ЖАКСЫБЕКОВ АРМАН")
                .addRDN(BCStyle.SURNAME, "ЖАКСЫБЕКОВ").addRDN(BCStyle.GIVENNAME, "АРМАН")
                .addRDN(BCStyle.O, "Qujat development").addRDN(BCStyle.OU, "BIN000000000000").build();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert,
                new BigInteger(63, new SecureRandom()).add(BigInteger.ONE), Date.from(notBefore),
                Date.from(notAfter), subject, key);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        ASN1ObjectIdentifier employee = new ASN1ObjectIdentifier("1.2.398.3.3.4.1.2.5");
        boolean ec = "EC".equals(key.getAlgorithm());
        if (authentication) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | (ec ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment)));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_clientAuth, KeyPurposeId.getInstance(employee)}));
        } else {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.getInstance(employee)));
        }
        b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(caCert));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)));
    }

    private static Path work() throws IOException {
        return Files.createDirectories(Path.of(System.getenv("SOFTHSM2_CONF")).resolveSibling("work"));
    }

    private static String tool(long slot, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("pkcs11-tool", "--module", LIBRARY.toString(),
                "--slot", Long.toString(slot)));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(new String[0]));
    }

    /** Runs a tool with this JVM's environment (SOFTHSM2_CONF included); fails with its output. */
    public static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd[0]);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new UncheckedIOException(new IOException(String.join(" ", cmd) + " failed: " + text));
        }
        return text;
    }
}
