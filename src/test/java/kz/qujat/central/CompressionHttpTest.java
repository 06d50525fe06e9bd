package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.server.http.HttpEndpoint;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;

/** Long answers are gzipped for a client that asks (the workstation's OkHttp does); a claim's answer is not. */
class CompressionHttpTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLongAnswerIsGzippedAndAClaimsAnswerIsSentAsItIs() throws Exception {
        try (TestCentral f = new TestCentral()) {
            HttpResponse<byte[]> spec = http.send(HttpRequest.newBuilder(URI.create(f.url() + Paths.BASE + "/openapi.json"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(spec.statusCode()).isEqualTo(200);
            assertThat(spec.headers().firstValue("Content-Encoding")).hasValue("gzip");
            byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(spec.body())).readAllBytes();
            assertThat(unzipped.length).isGreaterThan(HttpEndpoint.MIN_COMPRESSED_BYTES);
            assertThat(Json.mapper().readTree(unzipped).has("paths")).isTrue();

            f.submit("ASTANA");
            HttpResponse<byte[]> claim = http.send(HttpRequest.newBuilder(URI.create(f.url() + Paths.QUEUE_NEXT))
                    .header("Accept-Encoding", "gzip").header("Authorization", "Bearer " + f.token("officer-astana"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(claim.statusCode()).isEqualTo(200);
            assertThat(claim.headers().firstValue("Content-Encoding")).isEmpty();
            JsonNode detail = Json.mapper().readTree(claim.body());
            assertThat(detail.path("status").asText()).isEqualTo("IN_REVIEW");
            assertThat(claim.body().length).isBetween(500, HttpEndpoint.MIN_COMPRESSED_BYTES - 1);
        }
    }
}
