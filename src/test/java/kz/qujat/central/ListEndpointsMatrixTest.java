package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ReadyReport;
import kz.qujat.domain.AnnulmentReason;
import kz.qujat.domain.Region;
import kz.qujat.domain.Status;
import kz.qujat.eds.CmsSigner;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every caller (no session, a forged session, each role) against every list endpoint with every value of
 * every query parameter, valid or not: the wrong caller is refused before anything is read, a bad value is a
 * 400 naming its parameter, and a good value answers only what the caller's role and scope may see.
 */
class ListEndpointsMatrixTest {
    private static final String OFFICER = "officer-astana";
    private static final String CLERK_POINT = "ASTANA-01";
    private static TestCentral f;
    /** Tickets by status of the applications made below, all regions together. */
    private static final Map<String, String> STATUS_OF_TICKET = new LinkedHashMap<>();
    private static final Map<String, String> POINT_OF_TICKET = new LinkedHashMap<>();
    private static final Map<String, String> REGION_OF_TICKET = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        f = new TestCentral(b -> b.peerCert(DevIdentities.dir().resolve("production-node.crt")));
        remember(f.submit("ASTANA"), "SUBMITTED", "ASTANA", CLERK_POINT);
        TestCentral.Submitted claimed = f.submit("ASTANA");
        assertThat(f.claim(OFFICER, claimed.id()).status()).isEqualTo(200);
        remember(claimed, "IN_REVIEW", "ASTANA", CLERK_POINT);
        remember(f.decided("ASTANA", OFFICER, "ANNUL", "PHOTO", "blurred"), "ANNULLED", "ASTANA", CLERK_POINT);
        remember(f.decided("ASTANA", OFFICER, "APPROVE", null, null), "APPROVED", "ASTANA", CLERK_POINT);
        TestCentral.Submitted ready = f.decided("ASTANA", OFFICER, "APPROVE", null, null);
        ready(ready.id(), CLERK_POINT);
        remember(ready, "READY_FOR_PICKUP", "ASTANA", CLERK_POINT);
        TestCentral.Submitted issued = f.decided("ASTANA", OFFICER, "APPROVE", null, null);
        ready(issued.id(), CLERK_POINT);
        Http.Answer handed = f.http.post(Paths.fill(Paths.HANDOVER, "ticketNumber", issued.ticket()),
                f.token("clerk-astana"), Map.of("identityChecked", true, "oldCardSurrendered", true));
        assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
        remember(issued, "ISSUED", "ASTANA", CLERK_POINT);
        var elsewhere = Applicants.valid("ASTANA");
        elsewhere.put("registrationPoint", "ASTANA-02");
        TestCentral.Submitted other = f.submit(elsewhere);
        assertThat(f.claim(OFFICER, other.id()).status()).isEqualTo(200);
        assertThat(f.decide(OFFICER, OFFICER, other.id(), f.document(OFFICER, other.id(), "APPROVE", null, null))
                .status()).isEqualTo(200);
        ready(other.id(), "ASTANA-02");
        remember(other, "READY_FOR_PICKUP", "ASTANA", "ASTANA-02");
        remember(f.submit("ALMATY"), "SUBMITTED", "ALMATY", null);
        remember(f.decided("ALMATY", "officer-almaty", "ANNUL", "SIGNATURE", "smudged"), "ANNULLED", "ALMATY", null);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static void remember(TestCentral.Submitted s, String status, String region, String point) {
        STATUS_OF_TICKET.put(s.ticket(), status);
        REGION_OF_TICKET.put(s.ticket(), region);
        POINT_OF_TICKET.put(s.ticket(), point);
    }

    private static void ready(UUID id, String point) throws Exception {
        byte[] body = Json.mapper().writeValueAsBytes(new ReadyReport(id, point,
                String.format("%09d", Math.abs(id.getLeastSignificantBits() % 1_000_000_000L)), Instant.now()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(f.url() + Paths.PRODUCTION_READY))
                .header("Content-Type", "application/json")
                .header("Qujat-Signature", Base64.getEncoder().encodeToString(
                        CmsSigner.signDetached(DevIdentities.signingKey("production-node"), body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isEqualTo(200);
    }

    /** One query parameter value and whether the endpoint must accept it. */
    record Value(String param, String value, boolean valid) {
        String query() {
            return param == null ? "" : "?" + URLEncoder.encode(param, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** A list endpoint: its path, the one role allowed, its parameter values, and what a 200 may contain. */
    record Endpoint(String path, String allowed, List<Value> values, BiConsumer<Value, JsonNode> scope) {
    }

    private static List<Value> values(String param, List<String> good, List<String> bad) {
        List<Value> out = new ArrayList<>();
        good.forEach(v -> out.add(new Value(param, v, true)));
        bad.forEach(v -> out.add(new Value(param, v, false)));
        return out;
    }

    private static List<Value> limits(int max) {
        return values("limit", List.of("1", "2", String.valueOf(max)),
                List.of("0", "-1", String.valueOf(max + 1), "abc", "1.5", "+5", "٣", "1e2", " 5", "99999999999"));
    }

    private static List<Value> common() {
        List<Value> out = new ArrayList<>();
        out.add(new Value(null, null, true));
        out.add(new Value("unknown", "1", false));
        out.add(new Value("LIMIT", "5", false));
        return out;
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<Endpoint> endpoints() {
        List<Value> queue = common();
        queue.addAll(limits(500));
        queue.addAll(values("after", List.of(UUID.randomUUID().toString()),
                List.of("not-a-uuid", "1-1-1-1-1", "00000000000000000000000000000000", "{" + UUID.randomUUID() + "}")));

        List<Value> handover = common();
        handover.addAll(limits(1000));
        handover.addAll(values("status", List.of("READY_FOR_PICKUP", "ISSUED"),
                List.of("SUBMITTED", "IN_REVIEW", "APPROVED", "ANNULLED", "IN_PRODUCTION", "ready_for_pickup", "READY",
                        "ISSUED ", "'", "%")));
        assertThat(names(Status.values())).contains("SUBMITTED", "IN_REVIEW", "APPROVED", "ANNULLED", "IN_PRODUCTION",
                "READY_FOR_PICKUP", "ISSUED").hasSize(7);

        List<Value> annulments = common();
        List<Value> filters = new ArrayList<>();
        filters.addAll(values("from", List.of("2020-01-01", "2099-12-31"),
                List.of("2026-13-01", "01.01.2026", "2026-1-1", "yesterday", "2026-02-30")));
        filters.addAll(values("to", List.of("2020-01-01", "2099-12-31"), List.of("2026-00-10", "tomorrow")));
        filters.addAll(values("region", names(Region.values()), List.of("astana", "Astana", "MOON", "1")));
        filters.addAll(values("officer", List.of("850314312017", "900722423029", "000000000000"),
                List.of("85031431201", "8503143120170", "abc", "85031431201x", "١٢٣٤٥٦٧٨٩٠١٢")));
        filters.addAll(values("reason", names(AnnulmentReason.values()), List.of("photo", "OTHER")));
        annulments.addAll(filters);
        annulments.addAll(limits(5000));
        List<Value> rates = common();
        rates.addAll(filters);
        rates.add(new Value("limit", "5", false));

        List<Value> refunds = common();
        refunds.addAll(limits(5000));
        refunds.addAll(values("status", List.of("OWED", "REFUNDED"), List.of("owed", "PAID", "ANNULLED")));
        refunds.addAll(values("region", names(Region.values()), List.of("astana", "MOON")));
        List<Value> export = common();
        export.addAll(values("status", List.of("OWED", "REFUNDED"), List.of("owed", "PAID")));
        export.addAll(values("region", List.of("ASTANA", "ALMATY"), List.of("MOON")));
        export.add(new Value("limit", "5", false));

        return List.of(
                new Endpoint(Paths.REFUNDS, "finance", refunds, (v, body) -> assertThat(body.isArray()).isTrue()),
                new Endpoint(Paths.REFUNDS_EXPORT, "finance", export, (v, body) -> { }),
                new Endpoint(Paths.QUEUE, OFFICER, queue, ListEndpointsMatrixTest::queueScope),
                new Endpoint(Paths.HANDOVER_LIST, "clerk-astana", handover, ListEndpointsMatrixTest::handoverScope),
                new Endpoint(Paths.ANNULMENTS, "supervisor", annulments, ListEndpointsMatrixTest::annulmentScope),
                new Endpoint(Paths.ANNULMENT_RATES, "supervisor", rates, (v, body) -> {
                    assertThat(body.has("officers")).isTrue();
                    assertThat(body.has("regions")).isTrue();
                }));
    }

    private static void queueScope(Value v, JsonNode body) {
        for (JsonNode item : body) {
            String ticket = item.get("ticketNumber").asText();
            if (STATUS_OF_TICKET.containsKey(ticket)) {
                assertThat(REGION_OF_TICKET.get(ticket)).as(ticket).isEqualTo("ASTANA");
                assertThat(STATUS_OF_TICKET.get(ticket)).as(ticket).isEqualTo("SUBMITTED");
            }
            assertThat(item.get("status").asText()).isEqualTo("SUBMITTED");
        }
    }

    private static void handoverScope(Value v, JsonNode body) {
        String wanted = "status".equals(v.param()) ? v.value() : "READY_FOR_PICKUP";
        Set<String> seen = new java.util.HashSet<>();
        for (JsonNode item : body) {
            String ticket = item.get("ticketNumber").asText();
            seen.add(ticket);
            assertThat(item.get("status").asText()).as(ticket).isIn("READY_FOR_PICKUP", "ISSUED").isEqualTo(wanted);
            assertThat(item.get("registrationPoint").asText()).as(ticket).isEqualTo(CLERK_POINT);
            assertThat(POINT_OF_TICKET.get(ticket)).as(ticket).isEqualTo(CLERK_POINT);
        }
        if (!"limit".equals(v.param())) {
            STATUS_OF_TICKET.forEach((ticket, status) -> {
                if (status.equals(wanted) && CLERK_POINT.equals(POINT_OF_TICKET.get(ticket))) {
                    assertThat(seen).as("the clerk sees " + ticket).contains(ticket);
                }
            });
        }
    }

    private static void annulmentScope(Value v, JsonNode body) {
        for (JsonNode item : body) {
            String ticket = item.get("ticketNumber").asText();
            if (STATUS_OF_TICKET.containsKey(ticket)) {
                assertThat(STATUS_OF_TICKET.get(ticket)).as(ticket).isEqualTo("ANNULLED");
            }
            if ("region".equals(v.param())) {
                assertThat(item.get("region").asText()).isEqualTo(v.value());
            }
            if ("reason".equals(v.param())) {
                assertThat(item.get("reason").asText()).isEqualTo(v.value());
            }
            if ("officer".equals(v.param())) {
                assertThat(item.get("officerIin").asText()).isEqualTo(v.value());
            }
        }
    }

    @Test
    void everyCallerOnEveryListEndpointWithEveryParameterValue() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("no session", null);
        callers.put("forged session", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        for (String who : List.of(OFFICER, "officer-almaty", "supervisor", "clerk-astana", "finance")) {
            callers.put(who, f.token(who));
        }
        SoftAssertions soft = new SoftAssertions();
        int cells = 0;
        for (Endpoint e : endpoints()) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                for (Value v : e.values()) {
                    cells++;
                    Http.Answer a = f.http.get(e.path() + v.query(), caller.getValue());
                    String cell = caller.getKey() + " GET " + e.path() + v.query() + " -> " + a;
                    if (caller.getValue() == null || caller.getKey().startsWith("forged")) {
                        soft.assertThat(a.status()).as(cell).isEqualTo(401);
                    } else if (!caller.getKey().equals(e.allowed())
                            && !(e.allowed().equals(OFFICER) && caller.getKey().startsWith("officer"))) {
                        soft.assertThat(a.status()).as(cell).isEqualTo(403);
                    } else if (!v.valid()) {
                        soft.assertThat(a.status()).as(cell).isEqualTo(400);
                        if (a.status() == 400) {
                            soft.assertThat(a.json().path("errors").path(0).path("field").asText()).as(cell)
                                    .isEqualTo(v.param());
                        }
                    } else {
                        soft.assertThat(a.status()).as(cell).isEqualTo(200);
                        if (a.status() == 200 && caller.getKey().equals(e.allowed())
                                && a.contentType().startsWith("application/json")) {
                            soft.check(() -> e.scope().accept(v, a.json()));
                        }
                    }
                    if (a.status() >= 400) {
                        soft.assertThat(a.contentType()).as(cell).startsWith("application/problem+json");
                    }
                }
            }
        }
        soft.assertAll();
        assertThat(cells).isGreaterThan(500);
    }

    @Test
    void aRepeatedParameterIsRefusedNotSilentlyNarrowed() {
        Http.Answer a = f.http.get(Paths.HANDOVER_LIST + "?status=ISSUED&status=SUBMITTED", f.token("clerk-astana"));
        assertThat(a.status()).as(a.toString()).isEqualTo(400);
        assertThat(a.json().path("errors").path(0).path("field").asText()).isEqualTo("status");
        Http.Answer b = f.http.get(Paths.HANDOVER_LIST + "?status=SUBMITTED&status=ISSUED", f.token("clerk-astana"));
        assertThat(b.status()).as(b.toString()).isEqualTo(400);
    }
}
