package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Requires;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our signatures verify with an independent implementation: the real {@code openssl cms -verify}. */
class OpensslInteropTest {
    @BeforeAll
    static void needsOpenssl() {
        Requires.command("openssl", "openssl");
    }

    private static final byte[] CONTENT = "Решение: одобрить / decision: approve".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void opensslAcceptsOurDetachedRsaAndEcSignaturesAndRefusesTamperedContent() throws Exception {
        for (String identity : List.of("officer-astana", "officer-almaty")) {
            SigningKey key;
            try (Pkcs12KeySource source = DevIdentities.open(identity)) {
                key = source.signingKey();
            }
            Path sig = Files.write(dir.resolve(identity + ".p7s"), CmsSigner.signDetached(key, CONTENT));
            Path data = Files.write(dir.resolve(identity + ".data"), CONTENT);
            assertThat(opensslVerify(sig, data)).as(identity).isZero();

            byte[] tampered = CONTENT.clone();
            tampered[0] ^= 1;
            Path bad = Files.write(dir.resolve(identity + ".tampered"), tampered);
            assertThat(opensslVerify(sig, bad)).as(identity + " tampered").isNotZero();
        }
    }

    @Test
    void opensslAcceptsOurAttachedSignatureAndExtractsTheContent() throws Exception {
        SigningKey key;
        try (Pkcs12KeySource source = DevIdentities.open("supervisor")) {
            key = source.signingKey();
        }
        Path sig = Files.write(dir.resolve("attached.p7s"), CmsSigner.signAttached(key, CONTENT));
        assertThat(opensslVerify(sig, null)).isZero();
        assertThat(Files.readAllBytes(dir.resolve("out.data"))).isEqualTo(CONTENT);
    }

    @Test
    void opensslRefusesTheUntrustedOfficer() throws Exception {
        SigningKey key;
        try (Pkcs12KeySource source = DevIdentities.open("officer-untrusted")) {
            key = source.signingKey();
        }
        Path sig = Files.write(dir.resolve("untrusted.p7s"), CmsSigner.signDetached(key, CONTENT));
        Path data = Files.write(dir.resolve("untrusted.data"), CONTENT);
        assertThat(opensslVerify(sig, data)).isNotZero();
    }

    private int opensslVerify(Path sig, Path content) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", sig.toString(), "-CAfile", DevIdentities.file("trust/root-ca.crt").toString(),
                "-purpose", "any", "-out", dir.resolve("out.data").toString()));
        if (content != null) {
            command.addAll(List.of("-content", content.toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        return process.exitValue();
    }
}
