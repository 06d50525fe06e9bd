package kz.qujat.devpki;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.TsaClient;
import kz.qujat.eds.ValidationPolicy;
import kz.qujat.eds.VerificationResult;
import kz.qujat.testsupport.DevIdentities;
import org.junit.jupiter.api.AfterAll;
import kz.qujat.testsupport.Requires;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Independent implementations accept what Qujat makes and serves: {@code openssl cms -verify} our CAdES-T,
 * {@code openssl ts -verify} our TSA's tokens, {@code openssl ocsp} our responder's answers; and our verifier
 * accepts a CMS made by {@code openssl cms -sign -cades} with a certs-dev key.
 */
class PkiInteropTest {
    private static final byte[] DATA = "Решение / decision".getBytes(StandardCharsets.UTF_8);
    private static DevPkiServer pki;

    @TempDir
    Path dir;

    private String output;

    @BeforeAll
    static void start() throws Exception {
        Requires.command("openssl", "openssl");
        pki = DevServices.serve(DevIdentities.dir(), 0, TestClock.live());
    }

    @AfterAll
    static void stop() {
        if (pki != null) {
            pki.close();
        }
    }

    @Test
    void opensslCmsVerifiesOurCadesTSignature() throws Exception {
        byte[] cms = CmsSigner.signDetached(DevIdentities.signingKey("officer-almaty"), DATA,
                new TsaClient(URI.create(pki.tsaUrl())));
        Path sig = Files.write(dir.resolve("sig.p7s"), cms);
        Path data = Files.write(dir.resolve("data"), DATA);
        assertThat(openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(), "-content",
                data.toString(), "-CAfile", trust("root-ca.crt"), "-purpose", "any", "-out", dir.resolve("o").toString()))
                .as(output).isZero();
        assertThat(openssl("cms", "-cmsout", "-print", "-inform", "DER", "-in", sig.toString())).isZero();
        assertThat(output).contains("id-smime-aa-timeStampToken");
    }

    @Test
    void opensslTsVerifiesOurTsaToken() throws Exception {
        Path data = Files.write(dir.resolve("data"), DATA);
        Path query = dir.resolve("req.tsq");
        assertThat(openssl("ts", "-query", "-data", data.toString(), "-sha256", "-cert", "-out", query.toString())).isZero();
        HttpResponse<byte[]> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pki.tsaUrl()))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofFile(query)).build(), HttpResponse.BodyHandlers.ofByteArray());
        Path response = Files.write(dir.resolve("resp.tsr"), reply.body());
        assertThat(openssl("ts", "-verify", "-in", response.toString(), "-queryfile", query.toString(),
                "-CAfile", trust("root-ca.crt"), "-untrusted", trust("intermediate-ca.crt"))).as(output).isZero();
        assertThat(output).contains("Verification: OK");
    }

    @Test
    void opensslOcspAcceptsOurRespondersAnswersForGoodAndRevoked() throws Exception {
        for (String[] c : new String[][] {{"officer-astana-sign.crt", "good"}, {"officer-revoked-sign.crt", "revoked"}}) {
            assertThat(openssl("ocsp", "-issuer", trust("intermediate-ca.crt"), "-cert",
                    DevIdentities.file(c[0]).toString(), "-url", pki.ocspUrl(), "-CAfile", trust("root-ca.crt"),
                    "-verify_other", trust("intermediate-ca.crt"))).as(output).isZero();
            assertThat(output).contains("Response verify OK").contains(": " + c[1]);
        }
        // the JDK's revocation checker asks by GET /ocsp/<base64>: the same answer
        Path req = dir.resolve("req.der");
        assertThat(openssl("ocsp", "-issuer", trust("intermediate-ca.crt"), "-cert",
                DevIdentities.file("officer-astana-sign.crt").toString(), "-no_nonce", "-reqout", req.toString())).isZero();
        String encoded = Base64.getEncoder().encodeToString(Files.readAllBytes(req));
        HttpResponse<byte[]> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(pki.ocspUrl() + "/" + encoded)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        Path resp = Files.write(dir.resolve("resp.der"), get.body());
        assertThat(openssl("ocsp", "-respin", resp.toString(), "-no_nonce", "-issuer", trust("intermediate-ca.crt"),
                "-cert", DevIdentities.file("officer-astana-sign.crt").toString(), "-CAfile", trust("root-ca.crt"),
                "-verify_other", trust("intermediate-ca.crt"))).as(output).isZero();
        assertThat(output).contains(": good");
    }

    @Test
    void ourVerifierAcceptsOpensslCmsSignWithADevKey() throws Exception {
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        char[] pw = DevIdentities.PASSWORD.toCharArray();
        try (InputStream in = Files.newInputStream(DevIdentities.file("supervisor.p12"))) {
            p12.load(in, pw);
        }
        PrivateKey key = (PrivateKey) p12.getKey("signing", pw);
        Path keyPem = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Path data = Files.write(dir.resolve("data"), DATA);
        Path sig = dir.resolve("openssl.p7s");
        assertThat(openssl("cms", "-sign", "-binary", "-cades", "-md", "sha256", "-in", data.toString(), "-signer",
                DevIdentities.file("supervisor-sign.crt").toString(), "-inkey", keyPem.toString(), "-certfile",
                trust("intermediate-ca.crt"), "-outform", "DER", "-out", sig.toString())).as(output).isZero();
        CmsVerifier verifier = new CmsVerifier(DevIdentities.trust(), TestClock.live(),
                ValidationPolicy.of(URI.create(pki.ocspUrl()), false));
        VerificationResult r = verifier.verifyDetached(Files.readAllBytes(sig), DATA, KeyPurpose.SIGNING);
        assertThat(r.valid()).as(r.reason()).isTrue();
        assertThat(r.profile().iin()).isEqualTo("781105334039");
        byte[] other = DATA.clone();
        other[0] ^= 1;
        assertThat(verifier.verifyDetached(Files.readAllBytes(sig), other, KeyPurpose.SIGNING).failure())
                .isEqualTo(VerificationResult.Failure.CONTENT_MISMATCH);
    }

    private static String trust(String name) {
        return DevIdentities.dir().resolve("trust").resolve(name).toString();
    }

    private int openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        output = new String(out, StandardCharsets.UTF_8);
        return p.exitValue();
    }
}
