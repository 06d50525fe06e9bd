package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32;
import kz.qujat.api.Paths;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a lenient parser would quietly accept is refused with the field named: bytes after the JSON value,
 * a number or a boolean where a string is expected (and the reverse), a key given twice, base64 with bad
 * padding or stray characters, a PNG whose chunk checksum is wrong.
 */
class StrictParsingHttpTest {
    private static TestCentral f;

    @BeforeAll
    static void start() throws Exception {
        f = new TestCentral();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static Http.Answer intake(byte[] body) {
        return f.http.postRaw(Paths.INTAKE, body);
    }

    private static Http.Answer intake(ObjectNode form) {
        return intake(form.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void assertField(Http.Answer a, String field) {
        assertThat(a.status()).as(a.toString()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().path("errors").findValuesAsText("field")).as(a.toString()).contains(field);
    }

    @Test
    void bytesAfterTheJsonValueAreRefused() {
        byte[] valid = Applicants.valid("ASTANA").toString().getBytes(StandardCharsets.UTF_8);
        for (String tail : new String[] {"x", " {}", "}", "\n]", "\u0000", " 1", "\"\""}) {
            byte[] body = (new String(valid, StandardCharsets.UTF_8) + tail).getBytes(StandardCharsets.UTF_8);
            assertField(intake(body), "body");
        }
        assertThat(intake(valid).status()).isEqualTo(201);
        byte[] trailingSpace = (new String(valid, StandardCharsets.UTF_8) + " \r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(intake(Applicants.valid("ASTANA").toString().concat("\n").getBytes(StandardCharsets.UTF_8)).status())
                .as("white space after the value is not data").isEqualTo(201);
        assertThat(trailingSpace).isNotEmpty();
    }

    @Test
    void aNumberOrBooleanWhereAStringIsExpectedIsRefused() {
        ObjectNode a = Applicants.valid("ASTANA");
        a.put("iin", Long.parseLong(a.get("iin").asText()));
        assertField(intake(a), "iin");
        ObjectNode b = Applicants.valid("ASTANA");
        b.put("surname", 123);
        assertField(intake(b), "surname");
        ObjectNode c = Applicants.valid("ASTANA");
        c.put("feePaymentRef", true);
        assertField(intake(c), "feePaymentRef");
        ObjectNode d = Applicants.valid("ASTANA");
        ((ObjectNode) d.get("currentDocument")).put("number", 40000001);
        assertField(intake(d), "currentDocument.number");
        ObjectNode e = Applicants.valid("ASTANA");
        e.put("birthDate", 19850314);
        assertField(intake(e), "birthDate");
        ObjectNode g = Applicants.valid("ASTANA");
        g.put("phone", 77011234567.0);
        assertField(intake(g), "phone");
        ObjectNode h = Applicants.valid("ASTANA");
        h.putArray("region").add("ASTANA");
        assertField(intake(h), "region");
    }

    @Test
    void aStringOrNumberWhereABooleanIsExpectedIsRefused() {
        String clerk = f.token("clerk-astana");
        String path = Paths.fill(Paths.HANDOVER, "ticketNumber", "Q-0000001-8");
        assertField(f.http.post(path, clerk, Map.of("identityChecked", "true", "oldCardSurrendered", true)),
                "identityChecked");
        assertField(f.http.post(path, clerk, Map.of("identityChecked", true, "oldCardSurrendered", 1)),
                "oldCardSurrendered");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        String json = Applicants.valid("ASTANA").toString();
        String twice = json.substring(0, json.length() - 1) + ",\"surname\":\"Other\"}";
        assertField(intake(twice.getBytes(StandardCharsets.UTF_8)), "surname");
    }

    @Test
    void base64WithBadPaddingOrStrayCharactersIsRefused() {
        String photo = Base64.getEncoder().encodeToString(Applicants.PHOTO);
        String mime = Base64.getMimeEncoder().encodeToString(Applicants.PHOTO);
        assertThat(mime).contains("\r\n");
        ObjectNode ok = Applicants.valid("ASTANA");
        ok.put("photo", mime);
        assertThat(intake(ok).status()).as("MIME line breaks are allowed").isEqualTo(201);

        String[] bad = {
            photo.substring(0, photo.length() - 1) + "*",
            photo.substring(0, 100) + "!" + photo.substring(100),
            photo.substring(0, 100) + " " + photo.substring(100),
            photo.substring(0, 100) + "\t" + photo.substring(100),
            photo.substring(0, 100) + "=" + photo.substring(100),
            photo.replace('+', '-').replace('/', '_') + (photo.contains("+") || photo.contains("/") ? "" : "-"),
            unpadded(photo) + "=",
            photo + "=",
            photo + "==",
            mime.replace("\r\n", "\r\n#"),
            photo.substring(0, photo.length() - (photo.length() % 4 == 0 ? 1 : 0)),
            "data:image/jpeg;base64," + photo,
        };
        for (String b : bad) {
            ObjectNode form = Applicants.valid("ASTANA");
            form.put("photo", b);
            assertField(intake(form), "photo");
        }
        Http.Answer session = f.http.post(Paths.SESSION, null, Map.of("challengeId",
                java.util.UUID.randomUUID().toString(), "cms", "MIAG*CSqGSIb3DQEHAqCAMIACAQEx"));
        assertField(session, "cms");
    }

    /** The base64 without its '=' padding, and one character short of a whole group if it had none. */
    private static String unpadded(String b64) {
        String s = b64.replace("=", "");
        return s.length() % 4 == 0 ? s.substring(0, s.length() - 2) : s;
    }

    @Test
    void aPngWithABadChunkChecksumIsRefused() {
        byte[] png = TestImages.image("png", 120, 40, 3);
        ObjectNode ok = Applicants.valid("ASTANA");
        ok.put("signature", Base64.getEncoder().encodeToString(png));
        assertThat(intake(ok).status()).isEqualTo(201);
        assertThat(crcOk(png, 8)).isTrue();
        byte[] broken = png.clone();
        // the IHDR chunk's CRC sits at 8 (signature) + 4 (length) + 4 (type) + 13 (data)
        broken[8 + 4 + 4 + 13] ^= 0x01;
        ObjectNode form = Applicants.valid("ASTANA");
        form.put("signature", Base64.getEncoder().encodeToString(broken));
        Http.Answer a = intake(form);
        assertField(a, "signature");
        assertThat(a.json().path("errors").path(0).path("message").asText()).containsIgnoringCase("crc");
        byte[] idat = png.clone();
        int at = chunkAt(idat, "IDAT");
        idat[at + 8] ^= 0x40;
        ObjectNode form2 = Applicants.valid("ASTANA");
        form2.put("signature", Base64.getEncoder().encodeToString(idat));
        assertField(intake(form2), "signature");
    }

    private static int chunkAt(byte[] png, String type) {
        int p = 8;
        while (p + 8 <= png.length) {
            int len = ((png[p] & 0xff) << 24) | ((png[p + 1] & 0xff) << 16) | ((png[p + 2] & 0xff) << 8) | (png[p + 3] & 0xff);
            if (new String(png, p + 4, 4, StandardCharsets.US_ASCII).equals(type)) {
                return p;
            }
            p += 12 + len;
        }
        throw new IllegalStateException("no " + type);
    }

    private static boolean crcOk(byte[] png, int p) {
        int len = ((png[p] & 0xff) << 24) | ((png[p + 1] & 0xff) << 16) | ((png[p + 2] & 0xff) << 8) | (png[p + 3] & 0xff);
        CRC32 crc = new CRC32();
        crc.update(png, p + 4, 4 + len);
        int stored = ((png[p + 8 + len] & 0xff) << 24) | ((png[p + 9 + len] & 0xff) << 16)
                | ((png[p + 10 + len] & 0xff) << 8) | (png[p + 11 + len] & 0xff);
        return (int) crc.getValue() == stored;
    }
}
