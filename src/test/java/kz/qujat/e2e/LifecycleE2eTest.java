package kz.qujat.e2e;

import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.HandoverInfo;
import kz.qujat.api.HandoverRequest;
import kz.qujat.api.IntakeResponse;
import kz.qujat.api.Json;
import kz.qujat.central.CentralConfig;
import kz.qujat.central.CentralServer;
import kz.qujat.client.CentralException;
import kz.qujat.client.StaffClient;
import kz.qujat.production.ProductionConfig;
import kz.qujat.production.ProductionServer;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole life of an application over real HTTP between a real central service and a real production
 * node, each on its own PostgreSQL database, signed with the certs-dev keys: intake, review, approval,
 * relay, production, ready report, handover; and an annulment that never reaches production.
 */
class LifecycleE2eTest {
    private CentralServer central;
    private ProductionServer production;
    private Actors actors;

    @BeforeEach
    void start() throws Exception {
        int productionPort = FreePorts.next();
        central = CentralServer.start(CentralConfig.builder().port(0).db(TestPostgres.freshJdbcUrl())
                .trustDir(DevIdentities.file("trust")).staffFile(DevIdentities.file("staff-dev.csv"))
                .registryFeedKey(Actors.FEED_KEY).production(URI.create("http://127.0.0.1:" + productionPort))
                .key(DevIdentities.file("central-service.p12"), DevIdentities.PASSWORD.toCharArray())
                .peerCert(DevIdentities.file("production-node.crt")).relayInterval(Duration.ofMillis(200)).build());
        production = ProductionServer.start(new ProductionConfig(productionPort, TestPostgres.freshJdbcUrl(),
                DevIdentities.trust(), DevIdentities.signingKey("production-node"),
                DevIdentities.certificate("central-service.crt"), central.url(), Duration.ofSeconds(1),
                Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(2), TestClock.live()));
        actors = new Actors(central.url(), 2026);
    }

    @AfterEach
    void stop() {
        if (production != null) {
            production.stop();
        }
        if (central != null) {
            central.stop();
        }
    }

    @Test
    void anApprovedApplicationIsProducedReportedAndHandedOver() throws Exception {
        IntakeResponse submitted = actors.submit();
        assertThat(submitted.status()).isEqualTo("SUBMITTED");
        StaffClient officer = actors.officer();
        assertThat(officer.session().role()).isEqualTo("OFFICER");
        UUID id = Actors.decideNext(officer, DecisionDocument.APPROVE, null);
        assertThat(id).isEqualTo(submitted.applicationId());

        StaffClient clerk = actors.clerk();
        AtomicReference<HandoverInfo> ready = new AtomicReference<>();
        Await.until(Duration.ofSeconds(30), "READY_FOR_PICKUP at ASTANA-01", () -> {
            try {
                HandoverInfo info = clerk.handover(submitted.ticketNumber());
                ready.set(info);
                return "READY_FOR_PICKUP".equals(info.status());
            } catch (CentralException e) {
                return false;
            }
        });
        assertThat(ready.get().newDocumentNumber()).matches("\\d{9}");
        assertThat(ready.get().registrationPoint()).isEqualTo(Actors.POINT);
        assertThat(officer.detail(id).history()).extracting(h -> h.toStatus())
                .containsSubsequence("IN_REVIEW", "APPROVED", "IN_PRODUCTION", "READY_FOR_PICKUP");

        HandoverInfo issued = clerk.handOver(submitted.ticketNumber(), new HandoverRequest(true, true, "паспорт сверен"));
        assertThat(issued.status()).isEqualTo("ISSUED");
        assertThat(issued.issuedAt()).isNotNull();
        assertThatThrownBy(() -> clerk.handOver(submitted.ticketNumber(), new HandoverRequest(true, true, "")))
                .isInstanceOfSatisfying(CentralException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(productionHealth().get("reported").asLong()).isEqualTo(1);
        // the order named its images; production asked for both once and holds each once
        assertThat(scrape(central.url())).contains("qujat_outbox_images_sent_total 2.0");
        assertThat(scrape(production.url())).contains("qujat_production_images 2.0")
                .contains("qujat_production_images_received_total{outcome=\"stored\"} 2.0")
                .doesNotContain("qujat_production_images_received_total{outcome=\"held\"}");
    }

    private String scrape(String base) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create(base + kz.qujat.api.Paths.METRICS)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void anAnnulledApplicationNeverReachesProduction() throws Exception {
        IntakeResponse submitted = actors.submit();
        StaffClient officer = actors.officer();
        UUID id = Actors.decideNext(officer, DecisionDocument.ANNUL, "PHOTO");
        assertThat(officer.detail(id).status()).isEqualTo("ANNULLED");
        // a second application is approved; once it is produced, the annulled one has certainly not been sent
        IntakeResponse approved = actors.submit();
        Actors.decideNext(officer, DecisionDocument.APPROVE, null);
        Await.until(Duration.ofSeconds(30), "the approved one reported", () -> {
            try {
                return productionHealth().get("reported").asLong() == 1;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(officer.detail(approved.applicationId()).status()).isEqualTo("READY_FOR_PICKUP");
        assertThat(officer.detail(id).status()).isEqualTo("ANNULLED");
        JsonNode health = productionHealth();
        assertThat(health.get("inProduction").asLong() + health.get("awaitingReport").asLong()).isZero();
        assertThatThrownBy(() -> actors.clerk().handOver(submitted.ticketNumber(), new HandoverRequest(true, true, "")))
                .isInstanceOf(CentralException.class);
    }

    private JsonNode productionHealth() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(URI.create(production.url() + "/api/v1/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(r.body());
    }
}
