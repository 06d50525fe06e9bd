package kz.qujat.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import kz.qujat.api.Json;

/** Real HTTP calls to a started server with java.net.http; answers are kept as status + bytes. */
public final class Http {
    private static final ObjectMapper MAPPER = Json.mapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    /** An HTTP answer. */
    public record Answer(int status, String contentType, byte[] body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(new String(body, StandardCharsets.UTF_8), e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public <T> T as(Class<T> type) {
            try {
                return MAPPER.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException(text(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length < 2000 ? text() : body.length + " bytes");
        }
    }

    public Answer get(String path, String token) {
        return send(builder(path, token).GET().build());
    }

    /** GET with one extra header (e.g. the applicant's IIN). */
    public Answer getWith(String path, String header, String value) {
        HttpRequest.Builder b = builder(path, null);
        if (value != null) {
            b.header(header, value);
        }
        return send(b.GET().build());
    }

    public Answer post(String path, String token, Object body) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build());
    }

    public Answer put(String path, String token, Object body) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build());
    }

    public Answer delete(String path, String token) {
        return send(builder(path, token).DELETE().build());
    }

    public Answer postRaw(String path, byte[] body) {
        return send(builder(path, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    public static byte[] bytes(Object body) {
        try {
            return body instanceof byte[] raw ? raw : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
