package kz.qujat.production;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ReadyReport;
import kz.qujat.eds.EdsException;
import kz.qujat.server.SignedRequests;

/** Sends one {@link ReadyReport} to the central service as a signed request; says whether it was taken. */
final class ReadyReporter {
    /** The outcome of one attempt; {@code error} is a short text without personal data. */
    record Attempt(boolean delivered, String error) {
    }

    private final URI endpoint;
    private final SignedRequests signed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ReadyReporter(String centralUrl, SignedRequests signed) {
        String base = centralUrl.endsWith("/") ? centralUrl.substring(0, centralUrl.length() - 1) : centralUrl;
        this.endpoint = URI.create(base + Paths.PRODUCTION_READY);
        this.signed = signed;
    }

    Attempt send(ReadyReport report) {
        try {
            byte[] body = Json.mapper().writeValueAsBytes(report);
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header(SignedRequests.HEADER, signed.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            return code / 100 == 2 ? new Attempt(true, null) : new Attempt(false, "HTTP " + code);
        } catch (IOException | EdsException e) {
            return new Attempt(false, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, "interrupted");
        }
    }
}
