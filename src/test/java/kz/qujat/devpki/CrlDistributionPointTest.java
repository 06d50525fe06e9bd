package kz.qujat.devpki;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.SigningKey;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.ValidationPolicy;
import kz.qujat.eds.ValidationReport;
import kz.qujat.eds.VerificationResult;
import kz.qujat.eds.VerificationResult.Indication;
import kz.qujat.eds.VerificationResult.RevocationSource;
import kz.qujat.testsupport.TestClock;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/**
 * When the trust folder's CRL is stale and OCSP does not answer, a fresh CRL is fetched from the distribution
 * point the certificate names; when that does not answer either, the status is INDETERMINATE.
 */
class CrlDistributionPointTest {
    private static final byte[] DOC = "{\"decision\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8);
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/ocsp");

    @Test
    void aStaleTrustFolderCrlIsReplacedByOneFromTheDistributionPoint() throws Exception {
        Instant now = TestClock.liveNow();
        SecureRandom random = new SecureRandom();
        DevCa root = DevCa.root(new X500Name("CN=CDP test root,C=KZ"), rsa(), now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(365)), random);
        DevCa ca = root.subordinate(new X500Name("CN=CDP test CA,C=KZ"), rsa(), now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(365)));
        AtomicInteger asked = new AtomicInteger();
        byte[] fresh = ca.crl(List.of(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7))).getEncoded();
        HttpServer cdp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdp.createContext("/ca.crl", exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(200, fresh.length);
            exchange.getResponseBody().write(fresh);
            exchange.close();
        });
        cdp.start();
        String url = "http://127.0.0.1:" + cdp.getAddress().getPort() + "/ca.crl";
        KeyPair officerKeys = rsa();
        X509Certificate officer = ca.issue(new X500Name("CN=CDP OFFICER,SERIALNUMBER=IIN850314312017,C=KZ"),
                officerKeys.getPublic(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(100)), List.of(
                        DevCa.Ext.of(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)),
                        DevCa.Ext.of(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                            new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName(
                                    GeneralName.uniformResourceIdentifier, url))), null, null)}))));
        SigningKey key = new SigningKey(officerKeys.getPrivate(), officer, List.of(officer, ca.certificate()), null);
        byte[] cms = CmsSigner.signDetached(key, DOC);
        TrustConfig trust = TrustConfig.of(List.of(root.certificate()), List.of(ca.certificate()),
                List.of(ca.crl(List.of(), now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(300)))));
        try {
            VerificationResult r = new CmsVerifier(trust, TestClock.live(), ValidationPolicy.of(NOWHERE, false))
                    .verifyDetached(cms, DOC, KeyPurpose.SIGNING);
            assertThat(r.indication()).as(r.reason()).isEqualTo(Indication.VALID);
            assertThat(r.evidence().revocationSource()).isEqualTo(RevocationSource.CRL);
            assertThat(ValidationReport.of(r).text()).contains("CRL issued", "1 h 0 min old");
            assertThat(asked.get()).isEqualTo(1);
        } finally {
            cdp.stop(0);
        }
        VerificationResult down = new CmsVerifier(trust, TestClock.live(), ValidationPolicy.of(NOWHERE, false))
                .verifyDetached(cms, DOC, KeyPurpose.SIGNING);
        assertThat(down.indication()).as(down.reason()).isEqualTo(Indication.INDETERMINATE);
        assertThat(down.reason()).contains("10 d 0 h old");
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }
}
