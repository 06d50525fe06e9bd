package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.api.ProductionAck;
import kz.qujat.api.ProductionOrder;
import kz.qujat.testsupport.Await;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's live queue and the release of a stale claim (recorded with who and why), and the orders
 * production refuses: parked after a bounded number of refusals, counted, listed, and sent again on request.
 */
class SupervisionHttpTest {
    private static final String OFFICER = "officer-astana";
    @TempDir
    Path tmp;

    @Test
    void theSupervisorSeesTheLiveQueueOfTheirScopeAndReleasesAStaleClaim() throws Exception {
        try (TestCentral f = new TestCentral()) {
            UUID first = f.submit("ASTANA").id();
            f.submit("ASTANA");
            f.submit("ALMATY");
            assertThat(f.claim(OFFICER, first).status()).isEqualTo(200);
            String sup = f.token("supervisor");

            JsonNode live = f.http.get(Paths.LIVE_QUEUE, sup).json();
            JsonNode astana = line(live, "ASTANA");
            assertThat(astana.get("waiting").asLong()).isEqualTo(1);
            assertThat(astana.get("claimsHeld").asLong()).isEqualTo(1);
            assertThat(astana.get("oldestWaitingSince").isNull()).isFalse();
            assertThat(line(live, "ALMATY").get("waiting").asLong()).isEqualTo(1);
            assertThat(live.get("regions")).hasSize(20);
            assertThat(live.get("claims")).hasSize(1);
            JsonNode held = live.get("claims").get(0);
            assertThat(held.get("applicationId").asText()).isEqualTo(first.toString());
            assertThat(held.get("officerIin").asText()).isEqualTo("850314312017");
            assertThat(held.get("officerName").asText()).isEqualTo("ЖАКСЫБЕКОВ АРМАН");

            String release = Paths.fill(Paths.SUPERVISOR_RELEASE, "id", first.toString());
            Http.Answer noReason = f.http.post(release, sup, Map.of("reason", "  "));
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(f.http.post(release, f.token(OFFICER), Map.of("reason", "x")).status()).isEqualTo(403);
            Http.Answer done = f.http.post(release, sup, Map.of("reason", "сотрудник на больничном"));
            assertThat(done.status()).as(done.toString()).isEqualTo(200);
            assertThat(f.http.post(release, sup, Map.of("reason", "again")).status()).isEqualTo(409);

            JsonNode detail = f.detail("supervisor", first);
            assertThat(detail.get("status").asText()).isEqualTo("SUBMITTED");
            JsonNode last = detail.get("history").get(detail.get("history").size() - 1);
            assertThat(last.get("event").asText()).isEqualTo("RELEASE");
            assertThat(last.get("actorIin").asText()).isEqualTo("781105334039");
            assertThat(last.get("note").asText()).contains("сотрудник на больничном");
            JsonNode after = f.http.get(Paths.LIVE_QUEUE, sup).json();
            assertThat(line(after, "ASTANA").get("waiting").asLong()).isEqualTo(2);
            assertThat(after.get("claims")).isEmpty();
        }
    }

    @Test
    void aRegionalSupervisorSeesAndReleasesOnlyTheirRegion() throws Exception {
        Path staff = tmp.resolve("staff.csv");
        Files.writeString(staff, Files.readString(DevIdentities.dir().resolve("staff-dev.csv"), StandardCharsets.UTF_8)
                .replace("781105334039,ТОКТАРОВ,ЕРЛАН,SUPERVISOR,,", "781105334039,ТОКТАРОВ,ЕРЛАН,SUPERVISOR,ALMATY,"),
                StandardCharsets.UTF_8);
        try (TestCentral f = new TestCentral(b -> b.staffFile(staff))) {
            UUID astana = f.submit("ASTANA").id();
            assertThat(f.claim(OFFICER, astana).status()).isEqualTo(200);
            String sup = f.token("supervisor");
            JsonNode live = f.http.get(Paths.LIVE_QUEUE, sup).json();
            assertThat(live.get("regions")).hasSize(1);
            assertThat(live.get("regions").get(0).get("region").asText()).isEqualTo("ALMATY");
            assertThat(live.get("claims")).isEmpty();
            assertThat(f.http.post(Paths.fill(Paths.SUPERVISOR_RELEASE, "id", astana.toString()), sup,
                    Map.of("reason", "not mine")).status()).isEqualTo(404);
        }
    }

    @Test
    void anOrderProductionKeepsRefusingIsParkedCountedListedAndRetried() throws Exception {
        AtomicBoolean refuse = new AtomicBoolean(true);
        List<UUID> accepted = new CopyOnWriteArrayList<>();
        Javalin production = Javalin.create(c -> c.showJavalinBanner = false).post(Paths.PRODUCTION_ORDERS, ctx -> {
            ProductionOrder order = Json.mapper().readValue(ctx.bodyAsBytes(), ProductionOrder.class);
            if (refuse.get()) {
                ctx.status(422).contentType(Problem.MEDIA_TYPE).result(Json.mapper().writeValueAsBytes(
                        Problem.of(ProblemKind.NOT_ELIGIBLE, "the officer's certificate is not trusted here")));
                return;
            }
            accepted.add(order.applicationId());
            ctx.status(201).json(new ProductionAck(order.applicationId(), "ACCEPTED", false));
        }).start(0);
        try (TestCentral f = new TestCentral(b -> b.production(URI.create("http://localhost:" + production.port()))
                .key(DevIdentities.dir().resolve("central-service.p12"), "qujat-dev".toCharArray())
                .relayInterval(Duration.ofMillis(50)).maxRefusals(2))) {
            UUID id = f.decided("ASTANA", OFFICER, "APPROVE", null, null).id();
            String sup = f.token("supervisor");
            Await.until(Duration.ofSeconds(20), "parked", () -> f.http.get(Paths.PARKED_ORDERS, sup).json().size() == 1);
            JsonNode parked = f.http.get(Paths.PARKED_ORDERS, sup).json().get(0);
            assertThat(parked.get("applicationId").asText()).isEqualTo(id.toString());
            assertThat(parked.get("refusals").asInt()).isEqualTo(2);
            assertThat(parked.get("lastError").asText()).isEqualTo("HTTP 422: the officer's certificate is not trusted here");
            assertThat(parked.get("region").asText()).isEqualTo("ASTANA");
            String metrics = f.http.get(Paths.METRICS, null).text();
            assertThat(OperationsHttpTest.value(metrics, "qujat_outbox_parked")).isEqualTo(1.0);
            assertThat(OperationsHttpTest.value(metrics, "qujat_outbox_parked_events_total")).isEqualTo(1.0);
            assertThat(OperationsHttpTest.value(metrics, "qujat_outbox_backlog")).isEqualTo(0.0);
            assertThat(f.http.get(Paths.LIVE_QUEUE, sup).json().get("parkedOrders").asLong()).isEqualTo(1);
            // parked means parked: no more attempts while nobody acts
            Object attempts = f.scalar("SELECT attempts FROM outbox WHERE application_id = ?", id);
            Thread.sleep(1500);
            assertThat(f.scalar("SELECT attempts FROM outbox WHERE application_id = ?", id)).isEqualTo(attempts);

            refuse.set(false);
            String retry = Paths.fill(Paths.PARKED_ORDER_RETRY, "id", id.toString());
            assertThat(f.http.post(retry, f.token(OFFICER), "").status()).isEqualTo(403);
            assertThat(f.http.post(retry, sup, "").status()).isEqualTo(200);
            Await.until(Duration.ofSeconds(20), "delivered", () -> accepted.contains(id));
            Await.until(Duration.ofSeconds(10), "in production",
                    () -> "IN_PRODUCTION".equals(f.detail(OFFICER, id).get("status").asText()));
            assertThat(f.http.get(Paths.PARKED_ORDERS, sup).json()).isEmpty();
            assertThat(f.scalar("SELECT retried_by FROM outbox WHERE application_id = ?", id)).isEqualTo("781105334039");
            assertThat(f.http.post(retry, sup, "").status()).as("nothing parked any more").isEqualTo(404);
        } finally {
            production.stop();
        }
    }

    private static JsonNode line(JsonNode live, String region) {
        for (JsonNode l : live.get("regions")) {
            if (region.equals(l.get("region").asText())) {
                return l;
            }
        }
        throw new AssertionError("no line for " + region + " in " + live);
    }
}
