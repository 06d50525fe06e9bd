package kz.qujat.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ProblemKind;
import kz.qujat.api.ProductionOrder;
import kz.qujat.devpki.DevPkiServer;
import kz.qujat.devpki.DevServices;
import kz.qujat.devpki.DevTsa;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.TsaClient;
import kz.qujat.eds.ValidationPolicy;
import kz.qujat.server.SignedRequests;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestClock;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The production node's second verification with {@code --require-timestamp --tsa-policy OID}: a decision
 * time-stamped under another TSA policy (a TSA that changed its policy OID) is refused naming both policies;
 * the same officer's decision stamped under the configured policy is taken into production.
 */
class ProductionTsaPolicyTest {
    private static final String CHANGED_POLICY = "1.2.398.3.3.2.99.2";
    private final HttpClient http = HttpClient.newHttpClient();
    private final OrderFixtures fixtures = new OrderFixtures();

    @Test
    void aDecisionTimeStampedUnderAnotherTsaPolicyIsRefusedAndOneUnderTheConfiguredPolicyIsProduced() throws Exception {
        ReadyReceiver receiver = new ReadyReceiver();
        ProductionServer server = null;
        try (DevPkiServer pki = DevServices.serve(DevIdentities.dir(), 0, TestClock.live());
             DevPkiServer changed = DevPkiServer.start(0, DevServices.tsa(DevIdentities.dir(), TestClock.live(),
                     CHANGED_POLICY), DevServices.ocsp(DevIdentities.dir(), TestClock.live()))) {
            server = ProductionServer.start(new ProductionConfig(0, TestPostgres.freshJdbcUrl(), DevIdentities.trust(),
                    DevIdentities.signingKey("production-node"), DevIdentities.certificate("central-service.crt"),
                    receiver.url(), Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(100),
                    Duration.ofMillis(400), TestClock.live())
                    .withValidation(ValidationPolicy.of(URI.create(pki.ocspUrl()), true)
                            .withTsaPolicies(List.of(DevTsa.POLICY.getId()))));

            ProductionOrder wrong = fixtures.order(fixtures.nextPerson(), DecisionDocument.APPROVE, "officer-astana",
                    OrderFixtures.OFFICER_ASTANA_IIN, null, new TsaClient(URI.create(changed.tsaUrl())));
            HttpResponse<String> refused = post(server, wrong);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            JsonNode problem = Json.mapper().readTree(refused.body());
            assertThat(problem.get("type").asText()).isEqualTo(ProblemKind.INVALID_DECISION.type());
            assertThat(problem.get("detail").asText()).contains("TSA policy " + CHANGED_POLICY)
                    .contains("not an accepted one [" + DevTsa.POLICY.getId() + "]");

            ProductionOrder right = fixtures.order(fixtures.nextPerson(), DecisionDocument.APPROVE, "officer-astana",
                    OrderFixtures.OFFICER_ASTANA_IIN, null, new TsaClient(URI.create(pki.tsaUrl())));
            HttpResponse<String> accepted = post(server, right);
            assertThat(accepted.statusCode()).as(accepted.body()).isBetween(200, 202);
        } finally {
            if (server != null) {
                server.stop();
            }
            receiver.close();
        }
    }

    private HttpResponse<String> post(ProductionServer server, ProductionOrder order) throws Exception {
        byte[] body = OrderFixtures.json(order);
        String signature = Base64.getEncoder().encodeToString(
                CmsSigner.signDetached(DevIdentities.signingKey("central-service"), body));
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + Paths.PRODUCTION_ORDERS))
                .header("Content-Type", "application/json").header(SignedRequests.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
