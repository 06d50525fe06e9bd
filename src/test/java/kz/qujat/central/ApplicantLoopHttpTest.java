package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ReadyReport;
import kz.qujat.domain.RegistrationPoints;
import kz.qujat.eds.CmsSigner;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The citizen's side over HTTP against PostgreSQL: the portal's status by ticket and IIN (no oracle), the
 * notifications written with their transitions and delivered to a file sink or, with retries, an HTTP sink, and
 * registration points from the ministry's file.
 */
class ApplicantLoopHttpTest {
    private static final String OFFICER = "officer-astana";
    @TempDir
    Path tmp;

    private static String status(TestCentral f, String ticket) {
        return Paths.fill(Paths.APPLICANT_STATUS, "ticketNumber", ticket);
    }

    private static String iin(TestCentral f, UUID id) throws Exception {
        return ((String) f.scalar("SELECT iin FROM application WHERE id = ?", id)).trim();
    }

    private static void ready(TestCentral f, UUID id, String point) throws Exception {
        byte[] body = Json.mapper().writeValueAsBytes(new ReadyReport(id, point, "012345678", Instant.now()));
        HttpRequest r = HttpRequest.newBuilder(URI.create(f.url() + Paths.PRODUCTION_READY))
                .header("Content-Type", "application/json").header("Qujat-Signature", Base64.getEncoder()
                        .encodeToString(CmsSigner.signDetached(DevIdentities.signingKey("production-node"), body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        assertThat(HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    private static List<JsonNode> sink(Path file) throws Exception {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Polls until the condition holds; fails after {@code limit}. */
    static void await(Duration limit, Check check) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + limit);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void theApplicantFollowsTheApplicationAndIsToldEveryStepThatMatters() throws Exception {
        Path sinkFile = tmp.resolve("notifications.jsonl");
        try (TestCentral f = new TestCentral(b -> b.peerCert(DevIdentities.dir().resolve("production-node.crt"))
                .notifications(new FileNotificationChannel(sinkFile)).notifyInterval(Duration.ofMillis(100)))) {
            TestCentral.Submitted s = f.submit("ASTANA");
            String iin = iin(f, s.id());
            Http.Answer submitted = f.http.getWith(status(f, s.ticket()), ApplicantStatusService.IIN_HEADER, iin);
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
            JsonNode st = submitted.json();
            assertThat(st.get("status").asText()).isEqualTo("SUBMITTED");
            assertThat(st.get("statusText").get("ru").asText()).contains("ожидает проверки");
            assertThat(st.get("statusText").get("kk").asText()).isNotBlank();
            assertThat(st.get("annulment").isNull()).isTrue();
            // nothing about the person: no IIN, no name, no form
            assertThat(submitted.text()).doesNotContain(iin).doesNotContain("surname").doesNotContain("givenName");

            // a wrong IIN and an unknown ticket get the very same answer; no IIN is a 400
            String otherIin = iin.substring(0, 11) + (iin.charAt(11) == '0' ? "1" : "0");
            Http.Answer wrongIin = f.http.getWith(status(f, s.ticket()), ApplicantStatusService.IIN_HEADER, otherIin);
            Http.Answer wrongTicket = f.http.getWith(status(f, "Q-9999999-9"), ApplicantStatusService.IIN_HEADER, iin);
            assertThat(wrongIin.status()).isEqualTo(404);
            assertThat(wrongTicket.status()).isEqualTo(404);
            assertThat(wrongIin.text()).isEqualTo(wrongTicket.text());
            assertThat(f.http.getWith(status(f, s.ticket()), ApplicantStatusService.IIN_HEADER, null).status())
                    .isEqualTo(400);

            // annulled for the photo: reason in words, apply again online, a notification in both languages
            TestCentral.Submitted photo = f.decided("ASTANA", OFFICER, "ANNUL", "PHOTO", null);
            JsonNode a = f.http.getWith(status(f, photo.ticket()), ApplicantStatusService.IIN_HEADER,
                    iin(f, photo.id())).json();
            assertThat(a.get("status").asText()).isEqualTo("ANNULLED");
            assertThat(a.get("annulment").get("reason").asText()).isEqualTo("PHOTO");
            assertThat(a.get("annulment").get("reasonText").get("ru").asText()).contains("фотография");
            assertThat(a.get("annulment").get("nextStep").asText()).isEqualTo("APPLY_AGAIN_ONLINE");
            assertThat(a.get("annulment").get("nextStepText").get("ru").asText()).contains("онлайн");
            assertThat(f.scalar("SELECT count(*) FROM notification WHERE application_id = ? AND kind = 'ANNULLED'",
                    photo.id())).isEqualTo(1L);

            // further verification: go to a service centre
            TestCentral.Submitted further = f.decided("ASTANA", OFFICER, "ANNUL", "FURTHER_VERIFICATION",
                    "паспортные данные расходятся");
            JsonNode fv = f.http.getWith(status(f, further.ticket()), ApplicantStatusService.IIN_HEADER,
                    iin(f, further.id())).json();
            assertThat(fv.get("annulment").get("nextStep").asText()).isEqualTo("GO_TO_SERVICE_CENTRE");
            assertThat(fv.get("annulment").get("nextStepText").get("ru").asText()).contains("ЦОН");

            // approved, made, ready at ASTANA-01: the point with its address; then handed over
            TestCentral.Submitted ok = f.decided("ASTANA", OFFICER, "APPROVE", null, null);
            ready(f, ok.id(), "ASTANA-01");
            JsonNode r = f.http.getWith(status(f, ok.ticket()), ApplicantStatusService.IIN_HEADER, iin(f, ok.id())).json();
            var point = RegistrationPoints.bundled().parse("ASTANA-01");
            assertThat(r.get("status").asText()).isEqualTo("READY_FOR_PICKUP");
            assertThat(r.get("pickup").get("code").asText()).isEqualTo("ASTANA-01");
            assertThat(r.get("pickup").get("address").get("ru").asText()).isEqualTo(point.addressRu());
            assertThat(r.get("pickup").get("address").get("kk").asText()).isEqualTo(point.addressKk());
            assertThat(r.get("pickup").get("hours").get("ru").asText()).isEqualTo(point.hoursRu());
            assertThat(f.http.post(Paths.fill(Paths.HANDOVER, "ticketNumber", ok.ticket()), f.token("clerk-astana"),
                    Map.of("identityChecked", true, "oldCardSurrendered", true)).status()).isEqualTo(200);
            assertThat(f.http.getWith(status(f, ok.ticket()), ApplicantStatusService.IIN_HEADER, iin(f, ok.id()))
                    .json().get("status").asText()).isEqualTo("ISSUED");

            // the sink received each notification once, with texts in Russian and Kazakh and the IIN masked
            await(Duration.ofSeconds(20), () -> sink(sinkFile).size() == 4);
            List<JsonNode> sent = sink(sinkFile);
            assertThat(sent).extracting(n -> n.get("kind").asText())
                    .containsExactlyInAnyOrder("ANNULLED", "ANNULLED", "READY_FOR_PICKUP", "ISSUED");
            JsonNode photoNote = sent.stream().filter(n -> n.get("ticketNumber").asText().equals(photo.ticket()))
                    .findFirst().orElseThrow();
            assertThat(photoNote.get("text").get("ru").asText()).contains(photo.ticket(), "фотография", "онлайн");
            assertThat(photoNote.get("text").get("kk").asText()).contains(photo.ticket(), "фотосурет");
            JsonNode readyNote = sent.stream().filter(n -> n.get("kind").asText().equals("READY_FOR_PICKUP"))
                    .findFirst().orElseThrow();
            assertThat(readyNote.get("text").get("ru").asText()).contains(ok.ticket(), point.addressRu(), point.hoursRu());
            assertThat(readyNote.get("text").get("kk").asText()).contains(point.addressKk());
            assertThat(Files.readString(sinkFile)).doesNotContain(iin(f, photo.id())).doesNotContain("+77011234567");
            assertThat(f.scalar("SELECT count(*) FROM notification WHERE delivered_at IS NULL")).isEqualTo(0L);
            // nothing for the applicant still under review
            assertThat(f.scalar("SELECT count(*) FROM notification WHERE application_id = ?", s.id())).isEqualTo(0L);
        }
    }

    @Test
    void anHttpChannelThatFailsIsRetriedUntilItAccepts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/notify", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int code = calls.incrementAndGet() <= 2 ? 503 : 202;
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        gateway.start();
        try (TestCentral f = new TestCentral(b -> b.notifyInterval(Duration.ofMillis(100))
                .notifications(new HttpNotificationChannel(URI.create("http://127.0.0.1:"
                        + gateway.getAddress().getPort() + "/notify"))))) {
            TestCentral.Submitted s = f.decided("ASTANA", OFFICER, "ANNUL", "SIGNATURE", null);
            await(Duration.ofSeconds(30), () ->
                    f.scalar("SELECT delivered_at FROM notification WHERE application_id = ?", s.id()) != null);
            assertThat(f.scalar("SELECT attempts FROM notification WHERE application_id = ?", s.id())).isEqualTo(3);
            assertThat(calls.get()).isEqualTo(3);
            JsonNode body = Json.mapper().readTree(bodies.get(2));
            assertThat(body.get("recipient").get("iin").asText()).isEqualTo(iin(f, s.id()));
            assertThat(body.get("recipient").get("phone").asText()).isEqualTo("+77011234567");
            assertThat(body.get("text").get("ru").asText()).contains("подпись");
            // the same notification each time: the gateway can drop repeats by id
            assertThat(bodies).extracting(t -> Json.mapper().readTree(t).get("id").asLong()).containsOnly(body.get("id").asLong());
        } finally {
            gateway.stop(0);
        }
    }

    @Test
    void registrationPointsComeFromTheMinistrysFile() throws Exception {
        String csv = new String(getClass().getResourceAsStream("/kz/qujat/domain/registration-points.csv").readAllBytes(),
                StandardCharsets.UTF_8).replace("г. Астана, пр. Мангилик Ел, 8", "г. Астана, ул. Новая, 1");
        Path points = tmp.resolve("points.csv");
        Files.writeString(points, csv, StandardCharsets.UTF_8);
        try (TestCentral f = new TestCentral(b -> b.pointsFile(points)
                .peerCert(DevIdentities.dir().resolve("production-node.crt")))) {
            TestCentral.Submitted ok = f.decided("ASTANA", OFFICER, "APPROVE", null, null);
            ready(f, ok.id(), "ASTANA-01");
            assertThat(f.http.getWith(status(f, ok.ticket()), ApplicantStatusService.IIN_HEADER, iin(f, ok.id()))
                    .json().get("pickup").get("address").get("ru").asText()).isEqualTo("г. Астана, ул. Новая, 1");
            ObjectNode unknownPoint = Applicants.valid("ASTANA");
            unknownPoint.put("registrationPoint", "ASTANA-07");
            assertThat(f.http.post(Paths.INTAKE, null, unknownPoint).status()).isEqualTo(400);
        }
        Files.writeString(points, csv.replace("ALMATY-02,ALMATY,", "ALMATY-02,NARNIA,"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new TestCentral(b -> b.pointsFile(points)))
                .hasMessageContaining("points.csv").hasMessageContaining("line").hasMessageContaining("NARNIA");
    }
}
