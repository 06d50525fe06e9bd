package kz.qujat.devpki;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kz.qujat.Main;
import kz.qujat.domain.Iin;
import kz.qujat.eds.CertificateProfile;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.VerificationResult;
import kz.qujat.eds.VerificationResult.Failure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devpki command makes a complete folder from nothing, and its fresh keys verify against its fresh trust. */
class DevPkiTest {
    private static final byte[] CONTENT = "fresh".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path out;

    private static CmsVerifier verifier;

    @BeforeAll
    static void generate() throws Exception {
        assertThat(Main.commandLine().execute("devpki", "--out", out.toString())).isZero();
        verifier = new CmsVerifier(TrustConfig.load(out.resolve("trust")), TestClock.live());
    }

    @Test
    void writesTheSameFilesAsTheCommittedFolder() throws Exception {
        assertThat(relativeFiles(out)).isEqualTo(relativeFiles(Path.of(System.getProperty("qujat.certsDev"))));
        assertThat(relativeFiles(out)).contains("trust/root-ca.crt", "trust/intermediate-ca.crt",
                "trust/intermediate-ca.crl", "officer-astana.p12", "officer-almaty.p12", "supervisor.p12",
                "supervisor-almaty.p12", "finance.p12",
                "clerk-astana.p12", "officer-revoked.p12", "officer-expired.p12", "officer-untrusted.p12",
                "central-service.p12", "central-service.crt", "production-node.p12", "production-node.crt",
                "tsa.p12", "ocsp.p12", "tls-server.p12", "staff-dev.csv", "README.md", "officer-gost.p12",
                "trust/root-gost-ca.crt", "trust/root-gost-ca.crl");
    }

    @Test
    void freshKeysVerifyAndTheSpecialOnesAreRefused() throws Exception {
        assertThat(sign("officer-astana", KeyPurpose.SIGNING).valid()).isTrue();
        assertThat(sign("officer-almaty", KeyPurpose.AUTHENTICATION).valid()).isTrue();
        assertThat(sign("clerk-astana", KeyPurpose.AUTHENTICATION).valid()).isTrue();
        assertThat(sign("supervisor-almaty", KeyPurpose.AUTHENTICATION).valid()).isTrue();
        assertThat(sign("finance", KeyPurpose.AUTHENTICATION).valid()).isTrue();
        assertThat(sign("central-service", KeyPurpose.SIGNING).valid()).isTrue();
        VerificationResult gost = sign("officer-gost", KeyPurpose.SIGNING);
        assertThat(gost.valid()).as(gost.reason()).isTrue();
        assertThat(gost.signer().getSigAlgOID()).isEqualTo("1.2.398.3.10.1.1.2.3.2");
        assertThat(gost.evidence().chain().get(1).getSubjectX500Principal().getName()).contains("GOST 2015 CA");
        assertThat(sign("officer-gost", KeyPurpose.AUTHENTICATION).valid()).isTrue();
        assertThat(sign("officer-revoked", KeyPurpose.SIGNING).failure()).isEqualTo(Failure.REVOKED);
        assertThat(sign("officer-expired", KeyPurpose.SIGNING).failure()).isEqualTo(Failure.EXPIRED);
        assertThat(sign("officer-untrusted", KeyPurpose.SIGNING).failure()).isEqualTo(Failure.UNTRUSTED);
    }

    @Test
    void staffCsvMatchesTheCertificatesAndHoldsValidIins() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("staff-dev.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("iin,surname,givenName,role,region,registrationPoint");
        assertThat(lines).hasSize(11);
        assertThat(lines).contains("930217445040,ИСМАИЛОВА,ДИНАРА,CLERK,ASTANA,ASTANA-01",
                "800612489082,ОМАРОВА,ГУЛЬНАР,SUPERVISOR,ALMATY,", "830119390095,БАЙМУХАНОВ,АСЛАН,FINANCE,,");
        assertThat(lines.stream().skip(1).filter(l -> l.contains(",SUPERVISOR,,"))).hasSize(1);
        try (Pkcs12KeySource source = Pkcs12KeySource.open(out.resolve("officer-astana.p12"), DevPki.PASSWORD.toCharArray())) {
            CertificateProfile p = CertificateProfile.of(source.authenticationKey().certificate());
            assertThat(lines).anyMatch(l -> l.startsWith(p.iin() + "," + p.surname() + "," + p.givenName() + ",OFFICER,ASTANA,"));
        }
        lines.stream().skip(1).forEach(l -> assertThat(Iin.isValid(l.substring(0, 12))).as(l).isTrue());
    }

    @Test
    void theCasAreClearlyDevelopmentCas() throws Exception {
        TrustConfig trust = TrustConfig.load(out.resolve("trust"));
        assertThat(trust.anchors().get(0).getSubjectX500Principal().getName()).contains("DEVELOPMENT", "not for production");
        assertThat(trust.intermediates().get(0).getSubjectX500Principal().getName()).contains("DEVELOPMENT");
        assertThat(Files.readString(out.resolve("README.md"))).contains("java -jar target/qujat.jar devpki --out certs-dev",
                "qujat-dev", "850314312017");
    }

    private static VerificationResult sign(String identity, KeyPurpose purpose) throws Exception {
        try (Pkcs12KeySource source = Pkcs12KeySource.open(out.resolve(identity + ".p12"), DevPki.PASSWORD.toCharArray())) {
            SigningKey key = purpose == KeyPurpose.SIGNING ? source.signingKey() : source.authenticationKey();
            return verifier.verifyDetached(CmsSigner.signDetached(key, CONTENT), CONTENT, purpose);
        }
    }

    private static List<String> relativeFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
