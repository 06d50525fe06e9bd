package kz.qujat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qujat.api.DecisionDocument;
import kz.qujat.client.StaffClient;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Forwarding survives crashes: the central service and the production node run as separate OS processes on
 * their own databases and are SIGKILLed at the awkward moments (approved but not delivered; order received
 * but not produced; document produced but its ready report not delivered). After restarts every approved
 * application must be ready exactly once, produced exactly once, with no card number used twice and no
 * outbox row left undelivered.
 */
class KillAndRestartE2eTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** After the last restart both sides may be in backoff (up to a minute each) or waiting for a relay lease. */
    private static final Duration SETTLE = Duration.ofSeconds(180);
    private final List<ServiceProcess> processes = new ArrayList<>();

    @AfterEach
    void killAll() throws InterruptedException {
        for (ServiceProcess p : processes) {
            p.kill();
        }
    }

    @Test
    void everyApprovedApplicationIsReadyExactlyOnceAfterCrashes() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("qujat.testWork", "target/test-work"),
                "kill-restart-" + System.nanoTime()));
        Path feedKey = Files.writeString(work.resolve("feed.key"), Actors.FEED_KEY);
        int centralPort = FreePorts.next();
        int productionPort = FreePorts.next();
        String centralDb = TestPostgres.freshJdbcUrl();
        String productionDb = TestPostgres.freshJdbcUrl();
        Sql centralSql = new Sql(centralDb);
        Sql productionSql = new Sql(productionDb);
        Map<String, String> env = Map.of("QUJAT_KEY_PASSWORD", DevIdentities.PASSWORD);
        ServiceProcess central = process(new ServiceProcess("central", centralPort, List.of("central",
                "--port", String.valueOf(centralPort), "--db", centralDb, "--trust", abs("trust"),
                "--staff", abs("staff-dev.csv"), "--registry-feed-key-file", feedKey.toString(),
                "--production", "http://127.0.0.1:" + productionPort, "--key", abs("central-service.p12"),
                "--peer-cert", abs("production-node.crt")), env, work.resolve("central.log")));
        ServiceProcess production = process(new ServiceProcess("production", productionPort, List.of("production",
                "--port", String.valueOf(productionPort), "--db", productionDb, "--trust", abs("trust"),
                "--key", abs("production-node.p12"), "--peer-cert", abs("central-service.crt"),
                "--central", "http://127.0.0.1:" + centralPort, "--production-time", "PT4S"), env,
                work.resolve("production.log")));
        central.start();
        Actors actors = new Actors(central.url(), 4242);
        for (int i = 0; i < 6; i++) {
            actors.submit();
        }
        List<UUID> approved = new ArrayList<>();

        // 1. approved, but central dies before it can deliver (production is down, so delivery cannot happen)
        StaffClient officer = actors.officer();
        approved.add(Actors.decideNext(officer, DecisionDocument.APPROVE, null));
        approved.add(Actors.decideNext(officer, DecisionDocument.APPROVE, null));
        central.kill();
        assertThat(centralSql.count("SELECT count(*) FROM outbox WHERE delivered_at IS NULL")).isEqualTo(2);
        production.start();
        central.start();

        // 2. production dies right after it has received orders, before producing them
        officer = actors.officer();
        UUID third = Actors.decideNext(officer, DecisionDocument.APPROVE, null);
        UUID fourth = Actors.decideNext(officer, DecisionDocument.APPROVE, null);
        approved.add(third);
        approved.add(fourth);
        Await.until(WAIT, "orders 3 and 4 at production", () ->
                productionSql.count("SELECT count(*) FROM orders WHERE application_id IN (?, ?)", third, fourth) == 2);
        production.kill();
        assertThat(productionSql.count("SELECT count(*) FROM orders WHERE application_id IN (?, ?)"
                + " AND status = 'IN_PRODUCTION'", third, fourth)).isEqualTo(2);
        production.start();

        // 3. central dies while production has documents whose ready reports cannot be delivered
        UUID fifth = Actors.decideNext(officer, DecisionDocument.APPROVE, null);
        UUID sixth = Actors.decideNext(officer, DecisionDocument.APPROVE, null);
        approved.add(fifth);
        approved.add(sixth);
        Await.until(WAIT, "orders 5 and 6 at production", () ->
                productionSql.count("SELECT count(*) FROM orders WHERE application_id IN (?, ?)", fifth, sixth) == 2);
        central.kill();
        Await.until(WAIT, "ready reports of 5 and 6 failing", () -> productionSql.count("SELECT count(*) FROM orders"
                + " WHERE application_id IN (?, ?) AND status = 'PRODUCED' AND report_attempts > 0", fifth, sixth) == 2);
        central.start();

        Await.until(SETTLE, "all six READY_FOR_PICKUP", () -> centralSql.count(
                "SELECT count(*) FROM application WHERE status = 'READY_FOR_PICKUP'") == 6);
        Await.until(SETTLE, "production has reported all six", () ->
                productionSql.count("SELECT count(*) FROM orders WHERE status = 'REPORTED'") == 6);

        assertThat(new HashSet<>(approved)).hasSize(6);
        Set<String> numbers = new HashSet<>();
        for (UUID id : approved) {
            assertThat(centralSql.count("SELECT count(*) FROM history WHERE application_id = ?"
                    + " AND to_status = 'READY_FOR_PICKUP'", id)).as("ready transitions of %s", id).isEqualTo(1);
            assertThat(productionSql.count("SELECT count(*) FROM orders WHERE application_id = ?", id)).isEqualTo(1);
            String number = productionSql.text("SELECT document_number FROM orders WHERE application_id = ?", id);
            assertThat(number).matches("\\d{9}");
            assertThat(centralSql.text("SELECT new_document_number FROM application WHERE id = ?", id)).isEqualTo(number);
            numbers.add(number);
        }
        assertThat(numbers).hasSize(6);
        assertThat(productionSql.count("SELECT count(*) FROM orders")).isEqualTo(6);
        assertThat(productionSql.count("SELECT count(DISTINCT document_number) FROM orders")).isEqualTo(6);
        assertThat(centralSql.count("SELECT count(*) FROM outbox")).isEqualTo(6);
        assertThat(centralSql.count("SELECT count(*) FROM outbox WHERE delivered_at IS NULL")).isZero();

        production.terminate();
        assertThat(Files.readString(work.resolve("production.log"))).contains("production node stopped");
    }

    private ServiceProcess process(ServiceProcess p) {
        processes.add(p);
        return p;
    }

    private static String abs(String certsDevFile) {
        return DevIdentities.file(certsDevFile).toAbsolutePath().toString();
    }
}
