package kz.qujat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.IntakeResponse;
import kz.qujat.central.CentralConfig;
import kz.qujat.central.CentralServer;
import kz.qujat.client.CentralException;
import kz.qujat.client.StaffClient;
import kz.qujat.domain.Region;
import kz.qujat.production.ProductionConfig;
import kz.qujat.production.ProductionServer;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestClock;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Login, decision and the production node's second verification with an officer of each key algorithm:
 * RSA-2048, ECDSA P-256 and GOST 34.310-2015 (512) under the НУЦ РК OIDs (certs-dev's GOST CA).
 */
class OfficerAlgorithmsE2eTest {
    private CentralServer central;
    private ProductionServer production;

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
    void eachOfficerLogsInDecidesAndProductionVerifiesAgain() throws Exception {
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
        Actors actors = new Actors(central.url(), 2027);
        check(actors, "officer-astana", Region.ASTANA, "RSA");
        check(actors, "officer-almaty", Region.ALMATY, "EC");
        check(actors, "officer-gost", Region.ASTANA, "1.2.398.3.10.1.1.2.2");
    }

    private static void check(Actors actors, String identity, Region region, String keyAlgorithm) throws Exception {
        assertThat(DevIdentities.signingKey(identity).certificate().getPublicKey().getAlgorithm()).isEqualTo(keyAlgorithm);

        IntakeResponse submitted = actors.submit(region);
        StaffClient officer = actors.officer(identity);
        assertThat(officer.session().role()).isEqualTo("OFFICER");
        UUID id = Actors.decideNext(officer, identity, DecisionDocument.APPROVE, null);
        assertThat(id).isEqualTo(submitted.applicationId());
        Await.until(Duration.ofSeconds(30), "produced after the production node verified the " + keyAlgorithm
                + " signature", () -> {
            try {
                return "READY_FOR_PICKUP".equals(officer.detail(id).status());
            } catch (CentralException e) {
                return false;
            }
        });
        assertThat(officer.detail(id).history()).extracting(h -> h.toStatus())
                .containsSubsequence("IN_REVIEW", "APPROVED", "IN_PRODUCTION", "READY_FOR_PICKUP");
    }
}
