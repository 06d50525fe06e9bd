package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kz.qujat.api.Paths;
import kz.qujat.eds.SigningKey;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.Requires;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login takes what real clients send: a CMS over the nonce made by plain {@code openssl cms -sign}, attached or
 * detached, with the signer certificate inside, with or without the signing-certificate-v2 attribute, with or
 * without signed attributes. A decision stays CAdES: the same plain CMS over a decision document is refused.
 */
class OpensslLoginHttpTest {
    private static TestCentral f;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        f = new TestCentral();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void needsOpenssl() {
        Requires.command("openssl", "openssl");
    }

    /** The key and certificate as PEM files, as a client holding them outside Java would. */
    private Path[] pem(SigningKey key, String name) throws IOException {
        Path k = dir.resolve(name + ".key");
        Path c = dir.resolve(name + ".crt");
        Base64.Encoder e = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(k, "-----BEGIN PRIVATE KEY-----\n" + e.encodeToString(key.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        try {
            Files.writeString(c, "-----BEGIN CERTIFICATE-----\n" + e.encodeToString(key.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        } catch (java.security.cert.CertificateEncodingException ex) {
            throw new IllegalStateException(ex);
        }
        return new Path[] {k, c};
    }

    private byte[] opensslSign(Path[] pem, byte[] content, String... options) throws Exception {
        Path in = dir.resolve("content-" + UUID.randomUUID() + ".bin");
        Path out = dir.resolve("signed-" + UUID.randomUUID() + ".der");
        Files.write(in, content);
        List<String> cmd = new ArrayList<>(List.of("openssl", "cms", "-sign", "-binary", "-outform", "DER", "-md",
                "sha256", "-in", in.toString(), "-signer", pem[1].toString(), "-inkey", pem[0].toString(),
                "-out", out.toString()));
        cmd.addAll(List.of(options));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + said).isZero();
        return Files.readAllBytes(out);
    }

    private Http.Answer login(Path[] pem, String... options) throws Exception {
        JsonNode challenge = f.http.post(Paths.CHALLENGE, null, "").json();
        byte[] nonce = Base64.getDecoder().decode(challenge.get("nonce").asText());
        byte[] cms = opensslSign(pem, nonce, options);
        return f.http.post(Paths.SESSION, null, Map.of("challengeId", challenge.get("challengeId").asText(),
                "cms", Base64.getEncoder().encodeToString(cms)));
    }

    @Test
    void plainOpensslCmsLogsIn() throws Exception {
        Path[] rsa = pem(DevIdentities.authenticationKey("officer-astana"), "astana");
        Path[] ec = pem(DevIdentities.authenticationKey("officer-almaty"), "almaty");
        String[][] variants = {{"-nodetach"}, {}, {"-nodetach", "-cades"}, {"-cades"}, {"-nodetach", "-noattr"},
            {"-noattr"}, {"-nodetach", "-nosmimecap"}};
        for (String[] v : variants) {
            Http.Answer a = login(rsa, v);
            assertThat(a.status()).as("RSA " + String.join(" ", v) + ": " + a).isEqualTo(200);
            assertThat(a.json().get("role").asText()).isEqualTo("OFFICER");
            Http.Answer b = login(ec, v);
            assertThat(b.status()).as("EC " + String.join(" ", v) + ": " + b).isEqualTo(200);
            assertThat(b.json().get("region").asText()).isEqualTo("ALMATY");
        }
    }

    @Test
    void plainCmsStillNeedsTheCertificateInsideTheRightKeyAndTheNonce() throws Exception {
        Path[] rsa = pem(DevIdentities.authenticationKey("officer-astana"), "astana");
        Http.Answer noCert = login(rsa, "-nodetach", "-nocerts");
        assertThat(noCert.status()).as(noCert.toString()).isEqualTo(401);
        Http.Answer signing = login(pem(DevIdentities.signingKey("officer-astana"), "signing"), "-nodetach");
        assertThat(signing.status()).as(signing.toString()).isEqualTo(401);
        assertThat(signing.json().get("detail").asText()).contains("WRONG_KEY_USAGE");
        Http.Answer revoked = login(pem(DevIdentities.authenticationKey("officer-revoked"), "revoked"), "-nodetach");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(401);
        JsonNode challenge = f.http.post(Paths.CHALLENGE, null, "").json();
        byte[] other = opensslSign(rsa, "not the nonce".getBytes(StandardCharsets.UTF_8), "-nodetach");
        Http.Answer wrong = f.http.post(Paths.SESSION, null, Map.of("challengeId",
                challenge.get("challengeId").asText(), "cms", Base64.getEncoder().encodeToString(other)));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
    }

    @Test
    void aDecisionSignedAsPlainCmsIsRefused() throws Exception {
        String officer = "officer-astana";
        TestCentral.Submitted s = f.submit("ASTANA");
        assertThat(f.claim(officer, s.id()).status()).isEqualTo(200);
        byte[] doc = f.document(officer, s.id(), "APPROVE", null, null).canonicalBytes();
        byte[] cms = opensslSign(pem(DevIdentities.signingKey(officer), "decision"), doc);
        Http.Answer a = f.http.post(Paths.fill(Paths.DECISION, "id", s.id().toString()), f.token(officer),
                Map.of("document", Base64.getEncoder().encodeToString(doc), "cms", Base64.getEncoder().encodeToString(cms)));
        assertThat(a.status()).as(a.toString()).isEqualTo(400);
        assertThat(a.json().get("detail").asText()).contains("NOT_CADES");
        byte[] cades = opensslSign(pem(DevIdentities.signingKey(officer), "decision"), doc, "-cades");
        Http.Answer b = f.http.post(Paths.fill(Paths.DECISION, "id", s.id().toString()), f.token(officer),
                Map.of("document", Base64.getEncoder().encodeToString(doc), "cms", Base64.getEncoder().encodeToString(cades)));
        assertThat(b.status()).as("openssl -cades makes CAdES-BES: " + b).isEqualTo(200);
    }
}
