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
 * exponential backoff. Run it on a scheduled executor with {@link #runOnce()}.
 */
public final class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 20;
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
            int delivered = outbox.sendDue(clock.instant(), BATCH, this::send, clock);
            if (delivered > 0) {
                LOG.info("relay: {} order(s) delivered to production", delivered);
            }
        } catch (RuntimeException e) {
            LOG.warn("relay pass failed: {}", e.getMessage());
        }
    }

    private OutboxStore.Sent send(OutboxStore.Due due) {
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header(SignedRequests.HEADER, signed.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return new OutboxStore.Sent(true, null);
            }
            LOG.info("relay: order {} refused with HTTP {}", due.applicationId(), response.statusCode());
            return new OutboxStore.Sent(false, "HTTP " + response.statusCode());
        } catch (IOException e) {
            LOG.info("relay: order {} not sent: {}", due.applicationId(), e.getClass().getSimpleName());
            return new OutboxStore.Sent(false, e.getClass().getSimpleName());
        } catch (EdsException e) {
            return new OutboxStore.Sent(false, "signing failed: " + e.kind());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OutboxStore.Sent(false, "interrupted");
        }
    }
}
