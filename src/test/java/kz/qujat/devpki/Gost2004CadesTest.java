package kz.qujat.devpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import kz.qujat.devpki.DevPkiFiles.KeyEntry;
import kz.qujat.eds.CertificateProfile;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.Gost;
import kz.qujat.eds.GostAlgorithm;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.Pkcs12KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.ValidationReport;
import kz.qujat.eds.VerificationResult;
import kz.qujat.eds.VerificationResult.EtsiIndication;
import kz.qujat.eds.VerificationResult.SubIndication;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole CAdES signature with a GOST 34.310-2004 key, which the НУЦ РК test material has only as a certificate
 * (no key): a GOST 2004 root and issuing CA made as devpki makes its CAs, an officer's GOST 2004 signing key with
 * НУЦ РК's profile in a PKCS#12 file, signed detached and attached, verified through the whole chain with the
 * CAs' CRLs at a fixed time; a changed content, a revoked key and a foreign root are each refused as ETSI says.
 */
class Gost2004CadesTest {
    private static final byte[] CONTENT = "{\"decision\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant CA_FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant CA_TO = Instant.parse("2040-01-01T00:00:00Z");
    private static final Instant LEAF_FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LEAF_TO = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant CRL_FROM = Instant.parse("2026-05-31T00:00:00Z");
    private static final Instant CRL_NEXT = Instant.parse("2026-06-30T00:00:00Z");
    /** Inside every validity period above: the signature is made and judged then. */
    private static final Instant AT = Instant.parse("2026-06-01T09:00:00Z");
    private static final String PASSWORD = "Gost2004-test";

    @TempDir
    static Path dir;
    private static DevCa root;
    private static DevCa issuing;
    private static TrustConfig trust;
    private static Path valid;
    private static Path revoked;

    @BeforeAll
    static void makeTheGost2004Pki() throws Exception {
        SecureRandom random = new SecureRandom();
        root = DevCa.root(DevProfiles.caName("Test GOST 34.310-2004 root CA"),
                Gost.generate(GostAlgorithm.GOST_2004, random), CA_FROM, CA_TO, random);
        issuing = root.subordinate(DevProfiles.caName("Test GOST 34.310-2004 issuing CA"),
                Gost.generate(GostAlgorithm.GOST_2004, random), CA_FROM, CA_TO);
        DevPkiFiles files = new DevPkiFiles(dir, PASSWORD.toCharArray());
        valid = officer(files, "valid.p12", random, "840519389088");
        revoked = officer(files, "revoked.p12", random, "900101300123");
        files.clear();
        X509Certificate revokedCert;
        try (Pkcs12KeySource s = Pkcs12KeySource.open(revoked, PASSWORD.toCharArray())) {
            revokedCert = s.signingKey().certificate();
        }
        X509CRL issuingCrl = issuing.crl(List.of(revokedCert), CRL_FROM, CRL_NEXT);
        trust = TrustConfig.of(List.of(root.certificate()), List.of(issuing.certificate()),
                List.of(root.crl(List.of(), CRL_FROM, CRL_NEXT), issuingCrl));
    }

    /** A GOST 2004 signing key as НУЦ РК issues it: IIN in SERIALNUMBER, BIN in OU, its GOST signing policy. */
    private static Path officer(DevPkiFiles files, String name, SecureRandom random, String iin) throws Exception {
        KeyPair keys = Gost.generate(GostAlgorithm.GOST_2004, random);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "KZ")
                .addRDN(BCStyle.SERIALNUMBER, "IIN" + iin).addRDN(BCStyle.CN, "ТЕСТОВ ТЕСТ")
                .addRDN(BCStyle.SURNAME, "ТЕСТОВ").addRDN(BCStyle.GIVENNAME, "ТЕСТ")
                .addRDN(BCStyle.O, "ДЕПАРТАМЕНТ ПОЛИЦИИ").addRDN(BCStyle.OU, "BIN123456789021").build();
        X509Certificate cert = issuing.issue(subject, keys.getPublic(), LEAF_FROM, LEAF_TO,
                DevProfiles.gost(DevProfiles.personSigning(), DevProfiles.GOST_SIGNING_POLICY));
        files.p12(name, List.of(new KeyEntry("signing", keys.getPrivate(),
                List.of(cert, issuing.certificate(), root.certificate()))));
        return dir.resolve(name);
    }

    private static CmsVerifier verifier(TrustConfig t) {
        return new CmsVerifier(t, Clock.fixed(AT, ZoneOffset.UTC));
    }

    private static void assertEtsi(VerificationResult r, EtsiIndication indication, SubIndication sub) {
        assertThat(r.etsi()).as(r.reason()).isEqualTo(new VerificationResult.Etsi(indication, sub));
    }

    @Test
    void theGost2004KeyFileSignsDetachedAndAttachedCadesInTheKazakhFormAndItVerifiesThroughTheWholeChain()
            throws Exception {
        try (Pkcs12KeySource source = Pkcs12KeySource.open(valid, PASSWORD.toCharArray())) {
            SigningKey key = source.signingKey();
            assertThat(Gost.algorithmOf(key.privateKey())).isEqualTo(GostAlgorithm.GOST_2004);
            assertThat(key.certificate().getSigAlgOID()).as("issued by a GOST 2004 CA")
                    .isEqualTo("1.2.398.3.10.1.1.1.2");
            CertificateProfile profile = CertificateProfile.of(key.certificate());
            assertThat(profile.iin()).isEqualTo("840519389088");

            byte[] detached = CmsSigner.sign(key, CONTENT, false, null, AT);
            byte[] attached = CmsSigner.sign(key, CONTENT, true, null, AT);
            for (CMSSignedData data : new CMSSignedData[] {
                    new CMSSignedData(new CMSProcessableByteArray(CONTENT), detached), new CMSSignedData(attached)}) {
                SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
                assertThat(signer.getDigestAlgOID()).as("GOST 34.311-95").isEqualTo("1.2.398.3.10.1.3.1");
                assertThat(signer.getEncryptionAlgOID()).as("GOST 34.310-2004").isEqualTo("1.2.398.3.10.1.1.1.2");
                assertThat(signer.getSignature()).hasSize(64);
                assertThat(signer.getSignedAttributes().get(
                        org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            }

            VerificationResult d = verifier(trust).verifyDetached(detached, CONTENT, KeyPurpose.SIGNING);
            assertEtsi(d, EtsiIndication.TOTAL_PASSED, null);
            assertThat(d.evidence().chain()).containsExactly(key.certificate(), issuing.certificate(),
                    root.certificate());
            assertThat(d.evidence().revocationSource()).isEqualTo(VerificationResult.RevocationSource.CRL);
            assertThat(ValidationReport.of(d).text()).contains("TOTAL-PASSED", "GOST 34.310-2004", "840519389088",
                    "checked against the CRL");

            VerificationResult a = verifier(trust).verifyAttached(attached, KeyPurpose.SIGNING);
            assertEtsi(a, EtsiIndication.TOTAL_PASSED, null);
            assertThat(a.content()).isEqualTo(CONTENT);

            assertEtsi(verifier(trust).verifyDetached(detached, "{\"decision\":\"ANNUL\"}".getBytes(
                    StandardCharsets.UTF_8), KeyPurpose.SIGNING), EtsiIndication.TOTAL_FAILED, SubIndication.HASH_FAILURE);
            TrustConfig otherRoot = TrustConfig.of(List.of(DevCa.root(DevProfiles.caName("Another GOST 2004 root"),
                    Gost.generate(GostAlgorithm.GOST_2004, new SecureRandom()), CA_FROM, CA_TO, new SecureRandom())
                    .certificate()), List.of(), List.of());
            assertEtsi(verifier(otherRoot).verifyDetached(detached, CONTENT, KeyPurpose.SIGNING),
                    EtsiIndication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        }
    }

    @Test
    void aGost2004KeyTheIssuingCaRevokedIsRevoked() throws Exception {
        try (Pkcs12KeySource source = Pkcs12KeySource.open(revoked, PASSWORD.toCharArray())) {
            byte[] cms = CmsSigner.sign(source.signingKey(), CONTENT, false, null, AT);
            VerificationResult r = verifier(trust).verifyDetached(cms, CONTENT, KeyPurpose.SIGNING);
            assertEtsi(r, EtsiIndication.TOTAL_FAILED, SubIndication.REVOKED);
            assertThat(r.signatureIntact()).as("its mathematics is still right").isTrue();
        }
    }

    /** {@code qujat sign --p12} takes the GOST 2004 key file like any other; {@code qujat verify --at} passes it. */
    @Test
    void theCommandLineSignsWithTheGost2004KeyFileAndVerifiesItAtAFixedTime() throws Exception {
        Path data = java.nio.file.Files.writeString(dir.resolve("decision.json"), "{\"decision\":\"APPROVE\"}");
        Path sig = dir.resolve("decision.p7s");
        DevPkiFiles files = new DevPkiFiles(dir, PASSWORD.toCharArray());
        files.pem("cli/root.crt", root.certificate());
        files.pem("cli/issuing.crl", issuing.crl(List.of(), CRL_FROM, CRL_NEXT));
        files.clear();
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine sign = new picocli.CommandLine(new kz.qujat.tools.SignCommand(
                name -> "QUJAT_KEY_PASSWORD".equals(name) ? PASSWORD : null));
        sign.setOut(new java.io.PrintWriter(out));
        assertThat(sign.execute("--p12", valid.toString(), "--out", sig.toString(), data.toString())).as(out.toString())
                .isZero();
        assertThat(out.toString()).contains("GOST 34.310-2004");
        picocli.CommandLine verify = new picocli.CommandLine(new kz.qujat.tools.VerifyCommand());
        java.io.StringWriter report = new java.io.StringWriter();
        verify.setOut(new java.io.PrintWriter(report));
        assertThat(verify.execute(sig.toString(), "--content", data.toString(), "--trust",
                dir.resolve("cli/root.crt").toString(), "--crl", dir.resolve("cli/issuing.crl").toString(),
                "--at", AT.toString())).as(report.toString()).isZero();
        assertThat(report.toString()).contains("TOTAL-PASSED", "GOST 34.310-2004", "840519389088");
    }
}
