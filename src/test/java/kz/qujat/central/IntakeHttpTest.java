package kz.qujat.central;

import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import kz.qujat.api.Canonical;
import kz.qujat.api.Paths;
import kz.qujat.domain.Eligibility;
import kz.qujat.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Intake through real HTTP against a started central service on a real PostgreSQL. */
class IntakeHttpTest {
    private static String jdbcUrl;
    private static CentralServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        jdbcUrl = TestPostgres.freshJdbcUrl();
        server = CentralServer.start(CentralConfig.builder().port(0).db(jdbcUrl).trustDir(DevIdentities.dir().resolve("trust"))
                .maxBodyBytes(30L * 1024 * 1024).clock(TestClock.fixed()).build());
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static LocalDate today() {
        return TestClock.today();
    }

    private static Http.Answer submit(ObjectNode form) {
        return http.post(Paths.INTAKE, null, form);
    }

    private static Http.Answer submitWith(Consumer<ObjectNode> change) {
        ObjectNode form = Applicants.valid("ASTANA");
        change.accept(form);
        return submit(form);
    }

    private static void assertFieldError(Http.Answer a, String field) {
        assertThat(a.status()).as(a.toString()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        JsonNode p = a.json();
        assertThat(p.get("type").asText()).isEqualTo("urn:qujat:problem:invalid-input");
        assertThat(p.get("errors").findValuesAsText("field")).contains(field);
    }

    @Test
    void validApplicationIsStoredWithTicketImagesAndHashes() throws Exception {
        ObjectNode form = Applicants.valid("ASTANA");
        Http.Answer a = submit(form);
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        JsonNode body = a.json();
        assertThat(body.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(body.get("ticketNumber").asText()).matches("Q-\\d{7}-\\d");
        UUID id = UUID.fromString(body.get("applicationId").asText());
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement ps = c.prepareStatement("SELECT photo, photo_sha256, signature_sha256, policy_version,"
                     + " days_from_expiry, form_json, status FROM application WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).isEqualTo(Applicants.PHOTO);
                assertThat(rs.getString(2)).isEqualTo(Canonical.sha256Hex(Applicants.PHOTO));
                assertThat(rs.getString(3)).isEqualTo(Canonical.sha256Hex(Applicants.SIGNATURE));
                assertThat(rs.getString(4)).isEqualTo("DEMO-2026-04-01");
                assertThat(rs.getInt(5)).isEqualTo(-5);
                assertThat(rs.getString(6)).doesNotContain("photo").contains("\"surname\":\"Әбілқайырова\"");
                assertThat(rs.getString(7)).isEqualTo("SUBMITTED");
            }
        }
    }

    @Test
    void ticketNumbersAreUnique() {
        String t1 = submit(Applicants.valid("ALMATY")).json().get("ticketNumber").asText();
        String t2 = submit(Applicants.valid("ALMATY")).json().get("ticketNumber").asText();
        assertThat(t1).isNotEqualTo(t2);
    }

    @Test
    void malformedJsonIsRefusedClearly() {
        Http.Answer a = http.postRaw(Paths.INTAKE, "{\"iin\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("detail").asText()).contains("not valid JSON");
        Http.Answer empty = http.postRaw(Paths.INTAKE, new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("empty");
    }

    @Test
    void unknownFieldAndWrongTypeAreFieldErrors() {
        assertFieldError(submitWith(f -> f.put("nickname", "x")), "nickname");
        assertFieldError(submitWith(f -> f.put("birthDate", "14.03.1985")), "birthDate");
    }

    @Test
    void iinMustHaveAValidCheckDigit() {
        assertFieldError(submitWith(f -> {
            String iin = f.get("iin").asText();
            int last = (iin.charAt(11) - '0' + 1) % 10;
            f.put("iin", iin.substring(0, 11) + last);
        }), "iin");
        assertFieldError(submitWith(f -> f.put("iin", "12345")), "iin");
    }

    @Test
    void birthDateMustMatchTheIinAndNotBeInTheFuture() {
        assertFieldError(submitWith(f -> f.put("birthDate", "1990-01-01")), "birthDate");
        assertFieldError(submitWith(f -> f.put("birthDate", today().plusDays(1).toString())), "birthDate");
        assertFieldError(submitWith(f -> f.remove("birthDate")), "birthDate");
    }

    @Test
    void namesAreRequiredLettersAndBounded() {
        assertFieldError(submitWith(f -> f.remove("surname")), "surname");
        assertFieldError(submitWith(f -> f.put("givenName", "")), "givenName");
        assertFieldError(submitWith(f -> f.put("surname", "Иванов2")), "surname");
        assertFieldError(submitWith(f -> f.put("surname", "<script>")), "surname");
        assertFieldError(submitWith(f -> f.put("patronymic", "А".repeat(65))), "patronymic");
        assertThat(submitWith(f -> {
            f.put("surname", "O'Brien-Нұрланұлы");
            f.put("givenName", "Ғалым Ұлан");
            f.remove("patronymic");
            f.put("phone", (String) null);
        }).status()).isEqualTo(201);
        assertThat(submitWith(f -> f.put("surname", "Ә".repeat(64))).status()).isEqualTo(201);
    }

    @Test
    void regionAndRegistrationPointMustExistAndAgree() {
        assertFieldError(submitWith(f -> f.put("region", "ATLANTIS")), "region");
        assertFieldError(submitWith(f -> f.put("registrationPoint", "ASTANA-99")), "registrationPoint");
        assertFieldError(submitWith(f -> f.put("registrationPoint", "ALMATY-01")), "registrationPoint");
    }

    @Test
    void enumsDocumentAndPaymentAreChecked() {
        assertFieldError(submitWith(f -> f.put("documentType", "DRIVING_LICENCE")), "documentType");
        assertFieldError(submitWith(f -> f.put("reason", "BOREDOM")), "reason");
        assertFieldError(submitWith(f -> ((ObjectNode) f.get("currentDocument")).put("number", "12345678")),
                "currentDocument.number");
        assertFieldError(submitWith(f -> ((ObjectNode) f.get("currentDocument")).remove("expiryDate")),
                "currentDocument.expiryDate");
        assertFieldError(submitWith(f -> f.remove("currentDocument")), "currentDocument");
        assertFieldError(submitWith(f -> f.put("feePaymentRef", "ab#1")), "feePaymentRef");
        assertFieldError(submitWith(f -> f.put("feePaymentRef", "12345")), "feePaymentRef");
        assertFieldError(submitWith(f -> f.put("phone", "87011234567")), "phone");
    }

    @Test
    void imagesMustBeDecodableJpegOrPng() {
        assertFieldError(submitWith(f -> f.put("photo", "not base64 !!!")), "photo");
        assertFieldError(submitWith(f -> f.put("photo", TestImages.b64(TestImages.image("gif", 20, 20, 3)))), "photo");
        byte[] png = TestImages.image("png", 200, 200, 4);
        assertFieldError(submitWith(f -> f.put("signature", TestImages.b64(Arrays.copyOf(png, png.length / 2)))),
                "signature");
        byte[] jpeg = TestImages.image("jpg", 300, 300, 5);
        assertFieldError(submitWith(f -> f.put("photo", TestImages.b64(Arrays.copyOf(jpeg, jpeg.length / 2)))),
                "photo");
        assertFieldError(submitWith(f -> f.remove("signature")), "signature");
    }

    @Test
    void moreThanFortyMegapixelsIsRefusedFromTheHeader() {
        Http.Answer a = submitWith(f -> f.put("photo", TestImages.b64(TestImages.pngHeaderClaiming(8000, 5001))));
        assertFieldError(a, "photo");
        assertThat(a.json().get("detail").asText()).contains("megapixels");
    }

    @Test
    void imageOverFifteenMegabytesAndBodyOverTheLimitAre413() {
        byte[] big = new byte[16 * 1024 * 1024];
        new java.util.Random(1).nextBytes(big);
        Http.Answer a = submitWith(f -> f.put("photo", TestImages.b64(big)));
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().get("type").asText()).isEqualTo("urn:qujat:problem:too-large");
        byte[] huge = new byte[31 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        Http.Answer b = http.postRaw(Paths.INTAKE, huge);
        assertThat(b.status()).isEqualTo(413);
        assertThat(b.contentType()).startsWith("application/problem+json");
    }

    @Test
    void eligibilityEdgesAnswerWithTheExactMessage() {
        LocalDate today = today();
        assertThat(submit(Applicants.valid("ASTANA", today.plusDays(30))).status()).isEqualTo(201);
        assertThat(submit(Applicants.valid("ASTANA", today.minusDays(10))).status()).isEqualTo(201);
        assertThat(submit(Applicants.valid("ASTANA", today)).status()).isEqualTo(201);
        assertRefused(submit(Applicants.valid("ASTANA", today.plusDays(31))));
        assertRefused(submit(Applicants.valid("ASTANA", today.minusDays(11))));
        assertRefused(submitWith(f -> f.put("documentType", "PASSPORT")));
        assertRefused(submitWith(f -> f.put("reason", "LOSS")));
    }

    private static void assertRefused(Http.Answer a) {
        assertThat(a.status()).as(a.toString()).isEqualTo(422);
        assertThat(a.json().get("type").asText()).isEqualTo("urn:qujat:problem:not-eligible");
        assertThat(a.json().get("detail").asText()).isEqualTo(Eligibility.REFUSAL_MESSAGE)
                .isEqualTo("оформление не доступно, обратитесь в ЦОН");
    }

    @Test
    void secondActiveApplicationForTheSameDocumentIsAConflict() {
        ObjectNode form = Applicants.valid("SHYMKENT");
        assertThat(submit(form).status()).isEqualTo(201);
        form.put("feePaymentRef", "PAY-AGAIN-1");
        Http.Answer again = submit(form);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("urn:qujat:problem:conflict");
    }

    @Test
    void unknownRoutesAndHealth() {
        Http.Answer none = http.get("/api/v1/nothing-here", null);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("type").asText()).isEqualTo("urn:qujat:problem:not-found");
        assertThat(http.get(Paths.HEALTH, null).json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void errorBodiesCarryNoPersonalData() {
        ObjectNode form = Applicants.valid("ASTANA");
        String iin = form.get("iin").asText();
        form.put("birthDate", "1990-01-01");
        Http.Answer a = submit(form);
        assertThat(a.text()).doesNotContain(iin).doesNotContain("Әбілқайырова");
    }
}
