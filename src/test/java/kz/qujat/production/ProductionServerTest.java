package kz.qujat.production;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ProblemKind;
import kz.qujat.api.ProductionAck;
import kz.qujat.api.ProductionOrder;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.SigningKey;
import kz.qujat.server.SignedRequests;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestClock;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The production node over real HTTP, with a real PostgreSQL, real signatures and a real ready receiver. */
class ProductionServerTest {
    private static final SigningKey CENTRAL = DevIdentities.signingKey("central-service");
    private final HttpClient http = HttpClient.newHttpClient();
    private final OrderFixtures fixtures = new OrderFixtures();
    private ReadyReceiver receiver;
    private ProductionServer server;
    private String db;

    @BeforeEach
    void start() throws Exception {
        receiver = new ReadyReceiver();
        db = TestPostgres.freshJdbcUrl();
        server = startNode(Duration.ofMillis(300));
    }

    private ProductionServer startNode(Duration productionTime) throws Exception {
        return ProductionServer.start(new ProductionConfig(0, db, DevIdentities.trust(),
                DevIdentities.signingKey("production-node"), DevIdentities.certificate("central-service.crt"),
                receiver.url(), productionTime, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(400),
                TestClock.live()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        receiver.close();
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + Paths.PRODUCTION_ORDERS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header(SignedRequests.HEADER, signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postSigned(ProductionOrder order) throws Exception {
        byte[] body = OrderFixtures.json(order);
        return post(body, sign(CENTRAL, body));
    }

    private static String sign(SigningKey key, byte[] body) throws Exception {
        return Base64.getEncoder().encodeToString(CmsSigner.signDetached(key, body));
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + Paths.HEALTH)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    private long stored() throws Exception {
        JsonNode h = health();
        return h.get("inProduction").asLong() + h.get("awaitingReport").asLong() + h.get("reported").asLong();
    }

    private JsonNode orderStatus(ProductionOrder order) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url()
                + Paths.fill(Paths.PRODUCTION_ORDER, "id", order.applicationId().toString()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    /**
     * The receiver counts a report when it answers; the node records REPORTED only after that answer reaches it, so
     * a test that saw the receiver take a report waits for the node's own record instead of racing it.
     */
    private JsonNode awaitStatus(ProductionOrder order, String wanted) throws Exception {
        JsonNode[] last = new JsonNode[1];
        Await.until(Duration.ofSeconds(10), "order status " + wanted, () -> {
            try {
                last[0] = orderStatus(order);
                return wanted.equals(last[0].get("status").asText());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return last[0];
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = Json.mapper().readTree(r.body());
        assertThat(p.get("type").asText()).isEqualTo(type);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("SQL");
    }

    @Test
    void requestsWithoutTheCentralSignatureAreRefused() throws Exception {
        ProductionOrder order = fixtures.approved();
        byte[] body = OrderFixtures.json(order);
        assertProblem(post(body, null), 401, "urn:qujat:problem:unauthenticated");
        assertProblem(post(body, "not base64 !"), 401, "urn:qujat:problem:unauthenticated");
        // forged: a genuine central signature, but over other bytes
        assertProblem(post(body, sign(CENTRAL, OrderFixtures.json(fixtures.approved()))), 401,
                "urn:qujat:problem:unauthenticated");
        // a trusted certificate, but not the pinned peer
        assertProblem(post(body, sign(DevIdentities.signingKey("production-node"), body)), 401,
                "urn:qujat:problem:unauthenticated");
        assertProblem(post(body, sign(DevIdentities.signingKey("officer-astana"), body)), 401,
                "urn:qujat:problem:unauthenticated");
        // an untrusted issuer
        assertProblem(post(body, sign(DevIdentities.signingKey("officer-untrusted"), body)), 401,
                "urn:qujat:problem:unauthenticated");
        assertThat(stored()).isZero();
    }

    @Test
    void theOfficersDecisionIsVerifiedAgainstTheNodesOwnTrust() throws Exception {
        var untrusted = fixtures.order(fixtures.nextPerson(), DecisionDocument.APPROVE, "officer-untrusted",
                "880409378071", null);
        assertProblem(postSigned(untrusted), 422, ProblemKind.INVALID_DECISION.type());
        var revoked = fixtures.order(fixtures.nextPerson(), DecisionDocument.APPROVE, "officer-revoked",
                "870930356051", null);
        assertProblem(postSigned(revoked), 422, ProblemKind.INVALID_DECISION.type());
        var tamperedPerson = fixtures.nextPerson();
        byte[] otherPhoto = fixtures.nextPerson().photoJpeg();
        var tampered = fixtures.order(tamperedPerson, DecisionDocument.APPROVE, "officer-astana",
                OrderFixtures.OFFICER_ASTANA_IIN, otherPhoto);
        HttpResponse<String> r = postSigned(tampered);
        assertProblem(r, 422, ProblemKind.INVALID_DECISION.type());
        assertThat(Json.mapper().readTree(r.body()).get("detail").asText()).contains("photo");
        var annulled = fixtures.order(fixtures.nextPerson(), DecisionDocument.ANNUL, "officer-astana",
                OrderFixtures.OFFICER_ASTANA_IIN, null);
        assertProblem(postSigned(annulled), 422, ProblemKind.INVALID_DECISION.type());
        var otherOfficerNamed = fixtures.order(fixtures.nextPerson(), DecisionDocument.APPROVE, "officer-astana",
                "900722423029", null);
        assertProblem(postSigned(otherOfficerNamed), 422, ProblemKind.INVALID_DECISION.type());
        // the decision of one application attached to another
        ProductionOrder a = fixtures.approved();
        ProductionOrder b = fixtures.approved();
        var swapped = new ProductionOrder(b.applicationId(), b.ticketNumber(), b.registrationPoint(), b.form(), b.photo(),
                b.signature(), a.decisionDocument(), a.decisionCms());
        assertProblem(postSigned(swapped), 422, ProblemKind.INVALID_DECISION.type());
        assertThat(stored()).isZero();
    }

    private HttpResponse<String> putImage(String sha256, byte[] bytes, SigningKey signer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + Paths.fill(Paths.PRODUCTION_IMAGE, "sha256",
                        sha256))).header(SignedRequests.HEADER, sign(signer, bytes))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ProductionOrder byReference(ProductionOrder o) {
        return ProductionOrder.byReference(o.applicationId(), o.ticketNumber(), o.registrationPoint(), o.form(),
                o.decisionDocument(), o.decisionCms(), kz.qujat.api.Canonical.sha256Hex(Base64.getDecoder().decode(o.photo())),
                kz.qujat.api.Canonical.sha256Hex(Base64.getDecoder().decode(o.signature())));
    }

    @Test
    void ordersNameTheirImagesByHashAndTheNodeAsksForEachImageOnce() throws Exception {
        ProductionOrder inline = fixtures.approved();
        byte[] photo = Base64.getDecoder().decode(inline.photo());
        byte[] signature = Base64.getDecoder().decode(inline.signature());
        ProductionOrder order = byReference(inline);
        assertThat(OrderFixtures.json(order).length).as("no image in the order").isLessThan(photo.length);

        // the node holds neither image: it names both, and keeps nothing
        HttpResponse<String> asked = postSigned(order);
        assertProblem(asked, 409, "urn:qujat:problem:conflict");
        JsonNode problem = Json.mapper().readTree(asked.body());
        assertThat(problem.get("code").asText()).isEqualTo(ProductionOrder.MISSING_IMAGES);
        assertThat(problem.get("errors").findValuesAsText("message"))
                .containsExactly(order.photoSha256(), order.signatureSha256());
        assertThat(stored()).isZero();

        // an image must be central's and hash to its name
        assertProblem(putImage(order.photoSha256(), photo, DevIdentities.signingKey("officer-astana")), 401,
                "urn:qujat:problem:unauthenticated");
        assertProblem(putImage(order.photoSha256(), signature, CENTRAL), 400, "urn:qujat:problem:invalid-input");
        assertProblem(putImage(order.photoSha256().toUpperCase(java.util.Locale.ROOT), photo, CENTRAL), 400,
                "urn:qujat:problem:invalid-input");

        assertThat(putImage(order.photoSha256(), photo, CENTRAL).statusCode()).isEqualTo(201);
        assertThat(putImage(order.photoSha256(), photo, CENTRAL).statusCode()).as("held already").isEqualTo(200);
        HttpResponse<String> stillAsked = postSigned(order);
        assertThat(stillAsked.statusCode()).isEqualTo(409);
        assertThat(Json.mapper().readTree(stillAsked.body()).get("errors").findValuesAsText("message"))
                .containsExactly(order.signatureSha256());
        assertThat(putImage(order.signatureSha256(), signature, CENTRAL).statusCode()).isEqualTo(201);

        HttpResponse<String> accepted = postSigned(order);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(postSigned(order).statusCode()).as("a repeat needs no image").isEqualTo(200);

        // the decision is still checked against the images the node holds: an order naming another photo than
        // the one approved is refused as an invalid decision once that photo is held
        ProductionOrder other = fixtures.approved();
        byte[] otherPhoto = Base64.getDecoder().decode(other.photo());
        ProductionOrder swapped = ProductionOrder.byReference(other.applicationId(), other.ticketNumber(),
                other.registrationPoint(), other.form(), other.decisionDocument(), other.decisionCms(),
                order.photoSha256(), order.signatureSha256());
        assertProblem(postSigned(swapped), 422, "urn:qujat:problem:invalid-decision");
        assertThat(otherPhoto).isNotEqualTo(photo);

        String metrics = http.send(HttpRequest.newBuilder(URI.create(server.url() + Paths.METRICS)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("qujat_production_images 2.0")
                .contains("qujat_production_images_received_total{outcome=\"stored\"} 2.0")
                .contains("qujat_production_images_received_total{outcome=\"held\"} 1.0");
    }

    @Test
    void malformedOrdersAreInvalidInput() throws Exception {
        byte[] junk = "{\"applicationId\": 5".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertProblem(post(junk, sign(CENTRAL, junk)), 400, "urn:qujat:problem:invalid-input");
        assertThat(stored()).isZero();
    }

    @Test
    void aRepeatedOrderIsAcknowledgedAndProducedOnce() throws Exception {
        ProductionOrder order = fixtures.approved();
        HttpResponse<String> first = postSigned(order);
        assertThat(first.statusCode()).isEqualTo(201);
        ProductionAck ack = Json.mapper().readValue(first.body(), ProductionAck.class);
        assertThat(ack.duplicate()).isFalse();
        assertThat(ack.applicationId()).isEqualTo(order.applicationId());
        HttpResponse<String> again = postSigned(order);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readValue(again.body(), ProductionAck.class).duplicate()).isTrue();
        assertThat(stored()).isEqualTo(1);
        Await.until(Duration.ofSeconds(20), "ready report", () -> receiver.accepted.size() == 1);
        assertThat(postSigned(order).statusCode()).isEqualTo(200);
        assertThat(awaitStatus(order, "REPORTED").get("status").asText()).isEqualTo("REPORTED");
        assertThat(receiver.accepted).hasSize(1);
        String metrics = http.send(HttpRequest.newBuilder(URI.create(server.url() + Paths.METRICS)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("qujat_production_orders_received_total{outcome=\"created\"} 1.0")
                .contains("qujat_production_orders_received_total{outcome=\"duplicate\"} 2.0")
                .contains("qujat_production_orders{status=\"REPORTED\"} 1.0")
                .contains("hikaricp_connections_active");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.url() + Paths.READY)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void readinessIsReportedSignedWithANewUniqueCardNumber() throws Exception {
        ProductionOrder one = fixtures.approved();
        ProductionOrder two = fixtures.approved();
        assertThat(postSigned(one).statusCode()).isEqualTo(201);
        assertThat(postSigned(two).statusCode()).isEqualTo(201);
        Await.until(Duration.ofSeconds(20), "two ready reports", () -> receiver.accepted.size() == 2);
        assertThat(receiver.badSignatures.get()).isZero();
        assertThat(receiver.accepted).allSatisfy(r -> {
            assertThat(r.newDocumentNumber()).matches("\\d{9}");
            assertThat(r.readyAt()).isNotNull();
        });
        assertThat(receiver.accepted.stream().map(r -> r.newDocumentNumber()).distinct()).hasSize(2);
        assertThat(receiver.accepted).anySatisfy(r -> {
            assertThat(r.applicationId()).isEqualTo(one.applicationId());
            assertThat(r.registrationPoint()).isEqualTo(one.registrationPoint());
        });
        JsonNode status = awaitStatus(one, "REPORTED");
        assertThat(status.toString()).doesNotContain(receiver.accepted.get(0).newDocumentNumber());
        Await.until(Duration.ofSeconds(5), "health counts", () -> {
            try {
                return health().get("reported").asLong() == 2;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffUntilItTakesTheReport() throws Exception {
        receiver.failNext.set(3);
        ProductionOrder order = fixtures.approved();
        assertThat(postSigned(order).statusCode()).isEqualTo(201);
        Await.until(Duration.ofSeconds(20), "report after retries", () -> receiver.accepted.size() == 1);
        assertThat(receiver.requests.get()).isEqualTo(4);
        JsonNode status = awaitStatus(order, "REPORTED");
        assertThat(status.get("reportAttempts").asInt()).isEqualTo(4);
    }

    @Test
    void aRestartedNodeResumesProductionAndReporting() throws Exception {
        server.stop();
        server = startNode(Duration.ofSeconds(2));
        ProductionOrder order = fixtures.approved();
        receiver.failNext.set(1_000);
        assertThat(postSigned(order).statusCode()).isEqualTo(201);
        server.stop();
        server = null;
        // the receiver refused while the node was up; now it accepts, and a new node on the same database goes on
        receiver.failNext.set(0);
        server = startNode(Duration.ofSeconds(2));
        Await.until(Duration.ofSeconds(20), "report after restart", () -> receiver.accepted.size() == 1);
        assertThat(receiver.accepted.get(0).applicationId()).isEqualTo(order.applicationId());
        assertThat(postSigned(order).statusCode()).isEqualTo(200);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void unknownOrdersAndPathsAreProblems() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url()
                + Paths.fill(Paths.PRODUCTION_ORDER, "id", java.util.UUID.randomUUID().toString()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 404, "urn:qujat:problem:not-found");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(server.url()
                + Paths.fill(Paths.PRODUCTION_ORDER, "id", "nope"))).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(bad, 400, "urn:qujat:problem:invalid-input");
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/nowhere")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(none, 404, "urn:qujat:problem:not-found");
    }
}
