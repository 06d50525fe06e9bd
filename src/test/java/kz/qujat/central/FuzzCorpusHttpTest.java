package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestCentral;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends every case of the fuzz corpus in src/test/resources/fuzz (JSON shape, types, encodings, base64,
 * images, CMS, paths and headers; made by make-corpus.py and committed) to a started central service: no
 * answer is a 5xx, every refusal is problem+json, and a case that names its status or field gets exactly it.
 */
class FuzzCorpusHttpTest {
    private static final Path CORPUS = Path.of("src/test/resources/fuzz");
    private static final ObjectMapper MAPPER = Json.mapper();
    private static TestCentral f;
    private static String claimed;

    @BeforeAll
    static void start() throws Exception {
        f = new TestCentral(b -> b.peerCert(DevIdentities.dir().resolve("production-node.crt")));
        TestCentral.Submitted s = f.submit("ASTANA");
        assertThat(f.claim("officer-astana", s.id()).status()).isEqualTo(200);
        claimed = s.id().toString();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void noInputGivesA5xxAndEveryRefusalIsAProblem() throws Exception {
        List<String> lines = Files.readAllLines(CORPUS.resolve("cases.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(200);
        HttpClient client = HttpClient.newHttpClient();
        SoftAssertions soft = new SoftAssertions();
        int[] byClass = new int[6];
        for (String line : lines) {
            JsonNode c = MAPPER.readTree(line);
            String name = c.get("name").asText();
            HttpResponse<byte[]> r = client.send(request(c), HttpResponse.BodyHandlers.ofByteArray());
            int status = r.statusCode();
            byClass[status / 100]++;
            String text = new String(r.body(), StandardCharsets.UTF_8);
            String said = name + " -> " + status + " " + text.substring(0, Math.min(400, text.length()));
            soft.assertThat(status).as(said).isLessThan(500);
            if (status >= 400) {
                soft.assertThat(r.headers().firstValue("Content-Type").orElse("")).as(said)
                        .startsWith("application/problem+json");
                JsonNode p = MAPPER.readTree(r.body());
                soft.assertThat(p.path("status").asInt()).as(said).isEqualTo(status);
                soft.assertThat(p.path("type").asText()).as(said).startsWith("urn:qujat:problem:");
            }
            if (c.has("expect")) {
                soft.assertThat(status).as(said).isEqualTo(c.get("expect").asInt());
            }
            if (c.has("field") && status >= 400) {
                soft.assertThat(MAPPER.readTree(r.body()).path("errors").findValuesAsText("field")).as(said)
                        .contains(c.get("field").asText());
            }
        }
        System.out.printf("fuzz corpus: %d cases, 2xx %d, 4xx %d, 5xx %d%n", lines.size(), byClass[2], byClass[4],
                byClass[5]);
        soft.assertAll();
    }

    private HttpRequest request(JsonNode c) throws Exception {
        String path = c.get("path").asText().replace("$claimed", claimed);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f.url() + path));
        if (c.has("auth")) {
            b.header("Authorization", "Bearer " + f.token(c.get("auth").asText()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            String token = f.token("officer-astana");
            b.header(h.getKey(), h.getValue().asText().replace("$token", token).replace("$TOKEN", token.toUpperCase())
                    .replace("$feedkey", TestCentral.FEED_KEY));
        }
        byte[] body = body(c);
        String method = c.get("method").asText();
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String type = c.has("contentType") ? c.get("contentType").asText() : "application/json";
            if (!type.isEmpty()) {
                b.header("Content-Type", type);
            }
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return b.build();
    }

    private byte[] body(JsonNode c) throws IOException {
        if (c.has("raw")) {
            String raw = c.get("raw").asText();
            if (raw.contains("$challenge")) {
                raw = raw.replace("$challenge", f.http.post(Paths.CHALLENGE, null, "").json().get("challengeId").asText());
            }
            return files(raw).getBytes(StandardCharsets.UTF_8);
        }
        if (c.has("rawBase64")) {
            return Base64.getDecoder().decode(c.get("rawBase64").asText());
        }
        if (!c.has("intake")) {
            return null;
        }
        JsonNode ops = c.get("intake");
        ObjectNode form = Applicants.valid("ASTANA");
        for (JsonNode field : ops.path("remove")) {
            form.remove(field.asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ops.path("set").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue().has("$file")
                    ? TextNode.valueOf(Base64.getEncoder().encodeToString(Files.readAllBytes(
                            CORPUS.resolve("bin").resolve(e.getValue().get("$file").asText()))))
                    : e.getValue();
            String[] dotted = e.getKey().split("\\.");
            ObjectNode target = form;
            for (int i = 0; i < dotted.length - 1; i++) {
                target = (ObjectNode) target.get(dotted[i]);
            }
            target.set(dotted[dotted.length - 1], value);
        }
        String json = form.toString();
        if (ops.has("append")) {
            json += ops.get("append").asText();
        }
        if (ops.has("duplicate")) {
            String key = ops.get("duplicate").asText();
            json = json.substring(0, json.length() - 1) + ",\"" + key + "\":" + form.get(key) + "}";
        }
        if (ops.has("rawSurnameJson")) {
            json = json.replace("\"surname\":\"" + form.get("surname").asText() + "\"",
                    "\"surname\":\"" + ops.get("rawSurnameJson").asText() + "\"");
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (ops.has("rawSurname")) {
            String marker = "\"surname\":\"";
            int at = json.indexOf(marker) + marker.length();
            byte[] head = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] tail = json.substring(at).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(head);
            out.write(Base64.getDecoder().decode(ops.get("rawSurname").asText()));
            out.write(tail);
            bytes = out.toByteArray();
        }
        return bytes;
    }

    /** {"$file": name} inside a raw body becomes the base64 of that corpus file. */
    private static String files(String raw) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(raw);
        } catch (IOException e) {
            return raw;
        }
        if (tree == null || !tree.isObject() || !raw.contains("$file")) {
            return raw;
        }
        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            JsonNode v = tree.get(k);
            if (v.has("$file")) {
                ((ObjectNode) tree).put(k, Base64.getEncoder().encodeToString(
                        Files.readAllBytes(CORPUS.resolve("bin").resolve(v.get("$file").asText()))));
            }
        }
        return tree.toString();
    }
}
