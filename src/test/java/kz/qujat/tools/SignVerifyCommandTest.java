package kz.qujat.tools;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kz.qujat.api.Json;
import kz.qujat.devpki.DevPkiServer;
import kz.qujat.devpki.DevServices;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.SoftHsm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code qujat sign} and {@code qujat verify} in-process, with the dev TSA/OCSP and a SoftHSM token. */
class SignVerifyCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    @Test
    void signsWithAKeyFileAndATimestampAndVerifiesWithAReadableAndJsonReport() throws Exception {
        Path data = Files.writeString(dir.resolve("decision.json"), "{\"decision\":\"APPROVE\"}");
        Path sig = dir.resolve("decision.p7s");
        try (DevPkiServer pki = DevServices.serve(DevIdentities.dir(), 0, TestClock.live())) {
            Map<String, String> env = Map.of(SignCommand.PASSWORD_ENV, DevIdentities.PASSWORD);
            assertThat(sign(env, "--p12", DevIdentities.file("officer-astana.p12").toString(), "--tsa", pki.tsaUrl(),
                    "--out", sig.toString(), data.toString())).as(err).isZero();
            assertThat(out).contains("CAdES-T");

            Path json = dir.resolve("report.json");
            assertThat(verify(sig.toString(), "--content", data.toString(), "--trust", trust(), "--ocsp", pki.ocspUrl(),
                    "--require-timestamp", "--json", json.toString())).as(out + err).isZero();
            assertThat(out).contains("Verdict:", "VALID", "ЖАКСЫБЕКОВ АРМАН", "850314312017", "employee",
                    "proved by the signature time-stamp", "checked by OCSP", "Intermediate CA");
            JsonNode report = Json.mapper().readTree(json.toFile());
            assertThat(report.get("indication").asText()).isEqualTo("VALID");
            assertThat(report.get("timeSource").asText()).isEqualTo("SIGNATURE_TIMESTAMP");
            assertThat(report.get("hasOcspResponse").asBoolean()).isTrue();

            Files.writeString(data, "{\"decision\":\"ANNUL\"}");
            assertThat(verify(sig.toString(), "--content", data.toString(), "--trust", trust())).isEqualTo(1);
            assertThat(out).contains("INVALID", "CONTENT_MISMATCH");

            Path revokedSig = dir.resolve("revoked.p7s");
            assertThat(sign(env, "--p12", DevIdentities.file("officer-revoked.p12").toString(), "--out",
                    revokedSig.toString(), data.toString())).isZero();
            assertThat(verify(revokedSig.toString(), "--content", data.toString(), "--trust", trust(), "--ocsp",
                    pki.ocspUrl())).isEqualTo(1);
            assertThat(out).contains("REVOKED");
        }
        Files.writeString(data, "{\"decision\":\"APPROVE\"}");
        assertThat(verify(sig.toString(), "--content", data.toString(), "--trust", trust(), "--ocsp",
                "http://127.0.0.1:9/ocsp")).as("OCSP down and the committed CRL a week old: try later").isEqualTo(3);
        assertThat(out).contains("INDETERMINATE", "older than the allowed");
        Path fresh = kz.qujat.testsupport.DevCrls.trustFolder(dir.resolve("fresh-trust"), kz.qujat.testsupport.DevCrls
                .intermediate(kz.qujat.testsupport.TestClock.liveNow().minus(java.time.Duration.ofHours(2)), List.of()));
        assertThat(verify(sig.toString(), "--content", data.toString(), "--trust", fresh.toString(), "--ocsp",
                "http://127.0.0.1:9/ocsp")).as("OCSP down, a fresh CRL answers").isZero();
        assertThat(out).contains("checked against the CRL", "2 h 0 min old");
    }

    @Test
    void signsOnAPkcs11TokenWithThePinFromTheEnvironmentAndRefusesAWrongPin() throws Exception {
        SoftHsm.Token token = SoftHsm.tokens().rsa();
        Path config = token.writeConfig(dir.resolve("token.cfg"));
        Path data = Files.writeString(dir.resolve("data.txt"), "подпись на токене", StandardCharsets.UTF_8);
        Path sig = dir.resolve("data.p7s");
        assertThat(sign(Map.of(SignCommand.PIN_ENV, SoftHsm.PIN), "--pkcs11", config.toString(), "--trust", trust(),
                "--out", sig.toString(), data.toString())).as(err).isZero();
        assertThat(verify(sig.toString(), "--content", data.toString(), "--trust", trust())).as(out).isZero();
        assertThat(out).contains("VALID", SoftHsm.OFFICER_IIN);

        assertThat(sign(Map.of(SignCommand.PIN_ENV, "0000"), "--pkcs11", config.toString(), "--out",
                dir.resolve("x.p7s").toString(), data.toString())).isEqualTo(1);
        assertThat(err).contains("WRONG_PASSWORD");
        assertThat(sign(Map.of(), "--pkcs11", config.toString(), "--out", dir.resolve("y.p7s").toString(),
                data.toString())).as("no terminal and no QUJAT_PIN").isEqualTo(2);
    }

    @Test
    void signsWithTheRealNcaGost2015KeyFileDetachedAndAttached() throws Exception {
        Path data = Files.writeString(dir.resolve("decision.json"), "{\"decision\":\"APPROVE\"}");
        Path p12 = Path.of("src/test/resources/nca-test/keys/individual_valid_2015.p12");
        Map<String, String> env = Map.of(SignCommand.PASSWORD_ENV, "Aa123456");
        Path detached = dir.resolve("d.p7s");
        assertThat(sign(env, "--p12", p12.toString(), "--out", detached.toString(), data.toString())).as(err).isZero();
        assertThat(out).contains("detached", "GOST 34.310-2015 (512)");
        Path attached = dir.resolve("a.p7s");
        assertThat(sign(env, "--p12", p12.toString(), "--attached", "--out", attached.toString(), data.toString()))
                .as(err).isZero();
        assertThat(out).contains("attached");
        assertThat(Files.size(attached)).isGreaterThan(Files.size(detached));
        assertThat(sign(Map.of(SignCommand.PASSWORD_ENV, "wrong"), "--p12", p12.toString(), "--out",
                dir.resolve("x.p7s").toString(), data.toString())).isEqualTo(1);
        assertThat(err).contains("WRONG_PASSWORD");

        String nca = "src/test/resources/nca-test/";
        assertThat(verify(detached.toString(), "--content", data.toString(), "--trust", nca + "ca/nca_gost2015_test.cer",
                "--crl", nca + "crl/nca_gost2022_test.crl", "--at", "2022-10-01T09:00:00Z")).as(out + err).isZero();
        assertThat(out).contains("TOTAL-PASSED", "GOST 34.310-2015 (512)", "123456789012", "checked against the CRL");
        assertThat(verify(attached.toString(), "--trust", nca + "ca/nca_gost2015_test.cer", "--at", "2022-10-01"))
                .as(out + err).isZero();
        assertThat(verify(detached.toString(), "--content", data.toString(), "--trust", nca + "ca/nca_gost2015_test.cer",
                "--ocsp-response", nca + "ocsp/ocsp_response_individual_2015.bin", "--at", "2022-10-01")).isEqualTo(1);
        assertThat(out).contains("TOTAL-FAILED / REVOKED", "never issued", "checked by OCSP");
        assertThat(verify(detached.toString(), "--content", data.toString(), "--trust", nca + "ca/nca_gost2015_test.cer",
                "--at", "2023-08-01")).as("expired, no time-stamp").isEqualTo(3);
        assertThat(out).contains("INDETERMINATE / OUT_OF_BOUNDS_NO_POE");
        assertThat(verify(detached.toString(), "--content", data.toString(), "--trust", nca + "ca/nca_rsa_test.crt",
                "--at", "2022-10-01")).isEqualTo(3);
        assertThat(out).contains("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(verify(detached.toString(), "--at", "yesterday")).isEqualTo(2);
    }

    private static String trust() {
        return DevIdentities.dir().resolve("trust").toString();
    }

    private int sign(Map<String, String> env, String... args) {
        return run(new CommandLine(new SignCommand(env::get)), args);
    }

    private int verify(String... args) {
        return run(new CommandLine(new VerifyCommand()), args);
    }

    private int run(CommandLine cl, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }
}
