package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Jetty decides before our handlers run: a bearer token is compared byte for byte on every request of a
 * kept-alive connection, and the errors Jetty writes itself (URI too long, headers too large, bad path or
 * request line) are problem+json like every other refusal.
 */
class EdgeHttpTest {
    private static TestCentral f;

    @BeforeAll
    static void start() throws Exception {
        f = new TestCentral();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String swapCase(String token) {
        StringBuilder sb = new StringBuilder();
        for (char c : token.toCharArray()) {
            sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return sb.toString();
    }

    @Test
    void aTokenDifferingInCaseIsRefusedOnAKeptAliveConnection() {
        String token = f.token("officer-astana");
        String swapped = swapCase(token);
        assertThat(swapped).isNotEqualTo(token).isEqualToIgnoringCase(token);
        try (RawHttp c = new RawHttp(f.url())) {
            for (int round = 0; round < 3; round++) {
                RawHttp.Response good = c.get(Paths.QUEUE, "Authorization: Bearer " + token);
                assertThat(good.status()).as(good.toString()).isEqualTo(200);
                RawHttp.Response bad = c.get(Paths.QUEUE, "Authorization: Bearer " + swapped);
                assertThat(bad.status()).as("round " + round + ": " + bad).isEqualTo(401);
                RawHttp.Response upper = c.get(Paths.QUEUE, "Authorization: Bearer " + token.toUpperCase());
                assertThat(upper.status()).as(upper.toString()).isEqualTo(401);
            }
        }
        try (RawHttp c = new RawHttp(f.url())) {
            RawHttp.Response bad = c.get(Paths.QUEUE, "Authorization: Bearer " + swapped);
            assertThat(bad.status()).as(bad.toString()).isEqualTo(401);
            RawHttp.Response good = c.get(Paths.QUEUE, "Authorization: Bearer " + token);
            assertThat(good.status()).as(good.toString()).isEqualTo(200);
        }
    }

    private static void assertProblem(RawHttp.Response r, int status) throws Exception {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        JsonNode p = Json.mapper().readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).startsWith("urn:qujat:problem:");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank().doesNotContain("<").doesNotContain("Exception");
    }

    @Test
    void aUriTooLongIsAProblem() throws Exception {
        try (RawHttp c = new RawHttp(f.url())) {
            assertProblem(c.get(Paths.HEALTH + "?x=" + "a".repeat(20_000)), 414);
        }
    }

    @Test
    void headersTooLargeAreAProblem() throws Exception {
        try (RawHttp c = new RawHttp(f.url())) {
            assertProblem(c.get(Paths.HEALTH, "X-Filler: " + "b".repeat(20_000)), 431);
        }
    }

    @Test
    void aBadPathIsAProblem() throws Exception {
        for (String target : new String[] {"/api/v1/%2e%2e/%2e%2e/etc/passwd", "/api/v1/health%00", "/api/v1/%zz",
            "/api/v1/..;/health", "/api/v1/a%2Fb"}) {
            try (RawHttp c = new RawHttp(f.url())) {
                RawHttp.Response r = c.get(target);
                assertThat(r.status()).as(target + " " + r).isBetween(400, 404);
                assertProblem(r, r.status());
            }
        }
    }

    @Test
    void aBadRequestLineIsAProblem() throws Exception {
        for (String head : new String[] {"GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n",
            "GET /api/v1/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            "POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\n\r\n",
            "POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"}) {
            try (RawHttp c = new RawHttp(f.url())) {
                assertProblem(c.exchange(head, null), 400);
            }
        }
    }
}
