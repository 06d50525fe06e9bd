package kz.qujat.central;

import kz.qujat.testsupport.Await;

import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ProductionAck;
import kz.qujat.api.ProductionOrder;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.VerificationResult;
import org.junit.jupiter.api.Test;

/**
 * The relay against a real HTTP endpoint that checks the Qujat-Signature header like the production node,
 * fails twice and then accepts: the order arrives, retries back off, and the application moves on.
 */
class OutboxRelayTest {

    @Test
    void retriesWithBackoffUntilTheProductionNodeAcceptsTheSignedOrder() throws Exception {
        Path dir = DevIdentities.dir();
        CmsVerifier verifier = new CmsVerifier(TrustConfig.load(dir.resolve("trust")), TestClock.live());
        X509Certificate central;
        try (var in = java.nio.file.Files.newInputStream(dir.resolve("central-service.crt"))) {
            central = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        List<Long> calls = new CopyOnWriteArrayList<>();
        List<UUID> accepted = new CopyOnWriteArrayList<>();
        AtomicInteger badSignatures = new AtomicInteger();
        Javalin production = Javalin.create(c -> c.showJavalinBanner = false).post(Paths.PRODUCTION_ORDERS, ctx -> {
            calls.add(System.nanoTime());
            byte[] body = ctx.bodyAsBytes();
            String header = ctx.header("Qujat-Signature");
            VerificationResult r = header == null ? null
                    : verifier.verifyDetached(Base64.getDecoder().decode(header), body, KeyPurpose.SIGNING);
            if (r == null || !r.valid() || !r.signer().equals(central)) {
                badSignatures.incrementAndGet();
                ctx.status(401);
                return;
            }
            if (calls.size() <= 2) {
                ctx.status(503);
                return;
            }
            ProductionOrder order = Json.mapper().readValue(body, ProductionOrder.class);
            accepted.add(order.applicationId());
            ctx.status(201).json(new ProductionAck(order.applicationId(), "ACCEPTED", false));
        }).start(0);
        try (TestCentral f = new TestCentral(b -> b.production(URI.create("http://localhost:" + production.port()))
                .key(dir.resolve("central-service.p12"), "qujat-dev".toCharArray())
                .relayInterval(Duration.ofMillis(50)))) {
            UUID id = f.decided("ASTANA", "officer-astana", "APPROVE", null, null).id();
            Await.until(Duration.ofSeconds(20), "the third attempt to be delivered",
                    () -> scalarOrNull(f, "SELECT delivered_at FROM outbox WHERE application_id = ?", id) != null);
            assertThat(badSignatures.get()).isZero();
            assertThat(accepted).containsExactly(id);
            assertThat(calls).hasSize(3);
            assertThat(Duration.ofNanos(calls.get(1) - calls.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(Duration.ofNanos(calls.get(2) - calls.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            assertThat(f.query("SELECT attempts, last_error FROM outbox WHERE application_id = ?", id).get(0))
                    .containsExactly(3, null);
            assertThat(f.detail("officer-astana", id).get("status").asText()).isEqualTo("IN_PRODUCTION");
        } finally {
            production.stop();
        }
    }

    private static Object scalarOrNull(TestCentral f, String sql, Object... args) {
        try {
            return f.scalar(sql, args);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
