package kz.qujat.central.relay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import kz.qujat.api.Paths;
import kz.qujat.central.SignedRequests;
import kz.qujat.central.store.OutboxStore;
import kz.qujat.eds.EdsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards approved applications to the production node: each due outbox row is POSTed as a signed request;
 * a 2xx marks it delivered (and the application IN_PRODUCTION), anything else schedules a retry with
 * exponential backoff. No database transaction is open while a request is in flight. Run it on a scheduled executor with {@link #runOnce()}.
 */
public final class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 20;
    /** Longer than one send can take (connect 5 s + request 15 s), so a lease never ends mid-send. */
    private static final Duration LEASE = Duration.ofSeconds(60);
    private final OutboxStore outbox;
    private final SignedRequests signed;
    private final URI orders;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public OutboxRelay(OutboxStore outbox, SignedRequests signed, URI production, Clock clock) {
        this.outbox = outbox;
        this.signed = signed;
        this.orders = URI.create(production.toString().replaceAll("/+$", "") + Paths.PRODUCTION_ORDERS);
        this.clock = clock;
    }

    /** One pass over the due rows; never throws, so the schedule keeps running. */
    public void runOnce() {
        try {
            for (OutboxStore.Due due : outbox.lease(clock.instant(), BATCH, LEASE)) {
                String error = send(due);
                if (error == null) {
                    outbox.delivered(due, clock.instant());
                    LOG.info("relay: order {} delivered to production", due.applicationId());
                } else {
                    outbox.failed(due, error, clock.instant());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("relay pass failed: {}", e.getMessage());
        }
    }

    /** Sends one order; null when the node accepted it, else an error text without personal data. */
    private String send(OutboxStore.Due due) {
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header(SignedRequests.HEADER, signed.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return null;
            }
            LOG.info("relay: order {} refused with HTTP {}", due.applicationId(), response.statusCode());
            return "HTTP " + response.statusCode();
        } catch (IOException e) {
            LOG.info("relay: order {} not sent: {}", due.applicationId(), e.getClass().getSimpleName());
            return e.getClass().getSimpleName();
        } catch (EdsException e) {
            return "signing failed: " + e.kind();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
