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

    /**
     * Production slow (400 ms an order) and a short lease (2 s): eight approvals waiting together are each sent
     * while their own lease holds (leased in one batch, the last of them would be sent after their lease had ended,
     * when another instance's relay may take them too), each once, and all are delivered.
     */
    @Test
    void eachOrderIsSentWhileItsOwnLeaseHoldsWhenProductionIsSlow() throws Exception {
        Path dir = DevIdentities.dir();
        java.util.concurrent.atomic.AtomicReference<TestCentral> central = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
        List<UUID> received = new CopyOnWriteArrayList<>();
        List<UUID> leaseEnded = new CopyOnWriteArrayList<>();
        Javalin production = Javalin.create(c -> c.showJavalinBanner = false).post(Paths.PRODUCTION_ORDERS, ctx -> {
            ProductionOrder order = Json.mapper().readValue(ctx.bodyAsBytes(), ProductionOrder.class);
            received.add(order.applicationId());
            Object held = central.get().scalar("SELECT next_attempt_at > now() FROM outbox WHERE application_id = ?",
                    order.applicationId());
            if (!Boolean.TRUE.equals(held)) {
                leaseEnded.add(order.applicationId());
            }
            open.await(60, java.util.concurrent.TimeUnit.SECONDS);   // the first order waits for all the approvals
            Thread.sleep(400);
            ctx.status(201).json(new ProductionAck(order.applicationId(), "ACCEPTED", false));
        }).start(0);
        try (TestCentral f = new TestCentral(b -> b.production(URI.create("http://localhost:" + production.port()))
                .key(dir.resolve("central-service.p12"), "qujat-dev".toCharArray())
                .relayInterval(Duration.ofMillis(50)).relayLease(Duration.ofSeconds(2)))) {
            central.set(f);
            List<UUID> approved = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                approved.add(f.decided("ASTANA", "officer-astana", "APPROVE", null, null).id());
            }
            open.countDown();
            Await.until(Duration.ofSeconds(60), "every order delivered", () -> approved.stream().allMatch(id ->
                    scalarOrNull(f, "SELECT delivered_at FROM outbox WHERE application_id = ?", id) != null));
            assertThat(leaseEnded).as("orders sent after their lease had ended").isEmpty();
            assertThat(received).containsExactlyInAnyOrderElementsOf(approved);
        } finally {
            open.countDown();
            production.stop();
        }
    }

    /**
     * A send of four requests (the order, answered "missing images"; each image, 1.2 s each; the order again) with a
     * 2 s lease: the relay renews its lease before each further request, so every request is made while the order is
     * still hidden from the other instances' relays (on one lease, the second sending of the order came after the
     * lease had ended, when another relay could take and send it too).
     */
    @Test
    void aSendOfSeveralRequestsRenewsItsLeaseBeforeEach() throws Exception {
        Path dir = DevIdentities.dir();
        java.util.concurrent.atomic.AtomicReference<TestCentral> central = new java.util.concurrent.atomic.AtomicReference<>();
        List<String> requests = new CopyOnWriteArrayList<>();
        List<String> leaseEnded = new CopyOnWriteArrayList<>();
        java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicReference<UUID> current = new java.util.concurrent.atomic.AtomicReference<>();
        Javalin production = Javalin.create(c -> c.showJavalinBanner = false).post(Paths.PRODUCTION_ORDERS, ctx -> {
            ProductionOrder order = Json.mapper().readValue(ctx.bodyAsBytes(), ProductionOrder.class);
            current.set(order.applicationId());
            requests.add("order");
            noteLease(central.get(), order.applicationId(), "order", leaseEnded);
            List<String> missing = java.util.stream.Stream.of(order.photoSha256(), order.signatureSha256())
                    .filter(h -> !held.contains(h)).toList();
            if (!missing.isEmpty()) {
                ctx.status(409).contentType("application/problem+json").result(Json.mapper().writeValueAsString(
                        java.util.Map.of("code", ProductionOrder.MISSING_IMAGES, "errors", missing.stream()
                                .map(h -> java.util.Map.of("field", "image", "message", h)).toList())));
                return;
            }
            ctx.status(201).json(new ProductionAck(order.applicationId(), "ACCEPTED", false));
        }).put(Paths.PRODUCTION_IMAGE, ctx -> {
            requests.add("image");
            noteLease(central.get(), current.get(), "image", leaseEnded);
            Thread.sleep(1200);
            held.add(ctx.pathParam("sha256"));
            ctx.status(204);
        }).start(0);
        try (TestCentral f = new TestCentral(b -> b.production(URI.create("http://localhost:" + production.port()))
                .key(dir.resolve("central-service.p12"), "qujat-dev".toCharArray())
                .relayInterval(Duration.ofMillis(50)).relayLease(Duration.ofSeconds(2)))) {
            central.set(f);
            UUID id = f.decided("ASTANA", "officer-astana", "APPROVE", null, null).id();
            Await.until(Duration.ofSeconds(30), "the order delivered",
                    () -> scalarOrNull(f, "SELECT delivered_at FROM outbox WHERE application_id = ?", id) != null);
            assertThat(requests).containsExactly("order", "image", "image", "order");
            assertThat(leaseEnded).as("requests made after the order's lease had ended").isEmpty();
            assertThat(f.query("SELECT attempts, last_error FROM outbox WHERE application_id = ?", id).get(0))
                    .containsExactly(1, null);
        } finally {
            production.stop();
        }
    }

    /**
     * Another relay takes the order while this one uploads the first image (its lease ended): this relay stops
     * there, with no second image, no second sending of the order, and no failure recorded over the other relay's
     * lease.
     */
    @Test
    void aRelayWhoseLeaseWasTakenOverStopsSendingAndLeavesTheRowToTheNewHolder() throws Exception {
        Path dir = DevIdentities.dir();
        java.util.concurrent.atomic.AtomicReference<TestCentral> central = new java.util.concurrent.atomic.AtomicReference<>();
        List<String> requests = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Object> takenOver = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<UUID> current = new java.util.concurrent.atomic.AtomicReference<>();
        Javalin production = Javalin.create(c -> c.showJavalinBanner = false).post(Paths.PRODUCTION_ORDERS, ctx -> {
            ProductionOrder order = Json.mapper().readValue(ctx.bodyAsBytes(), ProductionOrder.class);
            current.set(order.applicationId());
            requests.add("order");
            ctx.status(409).contentType("application/problem+json").result(Json.mapper().writeValueAsString(
                    java.util.Map.of("code", ProductionOrder.MISSING_IMAGES, "errors", List.of(
                            java.util.Map.of("field", "photo", "message", order.photoSha256()),
                            java.util.Map.of("field", "signature", "message", order.signatureSha256())))));
        }).put(Paths.PRODUCTION_IMAGE, ctx -> {
            requests.add("image");
            // what another instance's relay does when it leases the row: a lease of its own, an hour long here
            takenOver.set(central.get().scalar("UPDATE outbox SET next_attempt_at = now() + interval '1 hour'"
                    + " WHERE application_id = ? RETURNING next_attempt_at", current.get()));
            ctx.status(204);
        }).start(0);
        try (TestCentral f = new TestCentral(b -> b.production(URI.create("http://localhost:" + production.port()))
                .key(dir.resolve("central-service.p12"), "qujat-dev".toCharArray())
                .relayInterval(Duration.ofMillis(50)).relayLease(Duration.ofSeconds(30)))) {
            central.set(f);
            UUID id = f.decided("ASTANA", "officer-astana", "APPROVE", null, null).id();
            Await.until(Duration.ofSeconds(20), "the first image sent", () -> takenOver.get() != null);
            Thread.sleep(1500);   // time for a second image, a second order and a failure record, which must not come
            assertThat(requests).containsExactly("order", "image");
            List<Object> row = f.query("SELECT attempts, last_error, next_attempt_at, delivered_at FROM outbox"
                    + " WHERE application_id = ?", id).get(0);
            assertThat(row.get(0)).as("attempts").isEqualTo(0);
            assertThat(row.get(1)).as("last error").isNull();
            assertThat(row.get(2)).as("the new holder's lease, untouched").isEqualTo(takenOver.get());
            assertThat(row.get(3)).as("delivered").isNull();
        } finally {
            production.stop();
        }
    }

    /** A lease shorter than one request to production could end mid-request: the command line refuses it. */
    @Test
    void aLeaseShorterThanOneRequestToProductionIsRefusedAtStart() {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
            code = kz.qujat.Main.commandLine().execute("central", "--db", "jdbc:postgresql://localhost:1/none",
                    "--relay-lease", "PT5S");
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(2);
        assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("--relay-lease must be at least PT20S").contains("not PT5S");
    }

    private static void noteLease(TestCentral f, UUID id, String request, List<String> leaseEnded) throws Exception {
        Object held = f.scalar("SELECT next_attempt_at > now() FROM outbox WHERE application_id = ?", id);
        if (!Boolean.TRUE.equals(held)) {
            leaseEnded.add(request);
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
