package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.qujat.api.Json;
import kz.qujat.central.http.Routes;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;

/** The committed OpenAPI document describes exactly the routes the server declares, and the server serves it. */
class OpenApiTest {

    private static Set<String> documented(JsonNode doc) {
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, JsonNode> p : doc.get("paths").properties()) {
            p.getValue().properties().forEach(m -> out.add(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey()));
        }
        return out;
    }

    @Test
    void theDocumentMatchesTheDeclaredRoutesAndEveryRouteAnswers() throws Exception {
        Set<String> declared = new HashSet<>();
        new Routes(null, new byte[0]).declared()
                .forEach(e -> declared.add(e.getKey().name().toUpperCase(Locale.ROOT) + " " + e.getValue()));
        try (TestCentral f = new TestCentral()) {
            Http.Answer served = f.http.get("/api/v1/openapi.json", null);
            assertThat(served.status()).isEqualTo(200);
            JsonNode doc = served.json();
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            assertThat(documented(doc)).isEqualTo(declared);
            assertThat(doc).isEqualTo(Json.mapper().readTree(getClass().getResourceAsStream("/openapi.json")));

            HttpClient client = HttpClient.newHttpClient();
            for (String route : declared) {
                String[] parts = route.split(" ", 2);
                String path = parts[1].replace("{id}", "00000000-0000-0000-0000-000000000001")
                        .replace("{iin}", "850314312017").replace("{ticketNumber}", "Q-0000001-8");
                HttpRequest request = HttpRequest.newBuilder(URI.create(f.url() + path))
                        .method(parts[0], HttpRequest.BodyPublishers.noBody()).build();
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(r.body()).as(route).doesNotContain("no such resource");
            }
        }
    }
}
