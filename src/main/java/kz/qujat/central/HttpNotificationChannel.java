package kz.qujat.central;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import kz.qujat.api.ApplicantNotification;
import kz.qujat.api.Json;

/**
 * POSTs each notification as JSON to a URL: the shape an e-gov cabinet or SMS gateway adapter receives. A 2xx
 * answer is a delivery; anything else (or no answer) is retried.
 */
public final class HttpNotificationChannel implements NotificationChannel {
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = Json.mapper();

    public HttpNotificationChannel(URI url) {
        this.url = url;
    }

    @Override
    public void deliver(ApplicantNotification n) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(n))).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public String describe() {
        return "HTTP " + url;
    }
}
