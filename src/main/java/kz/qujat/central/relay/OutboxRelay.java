package kz.qujat.central.relay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.qujat.api.Canonical;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ProductionOrder;
import kz.qujat.central.CentralMetrics;
import kz.qujat.central.store.OutboxStore;
import kz.qujat.eds.EdsException;
import kz.qujat.server.SignedRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards approved applications to the production node: each due outbox row is POSTed as a signed request
 * naming the images by hash (production asks for the ones it does not hold, and gets each once);
 * a 2xx marks it delivered (and the application IN_PRODUCTION), anything else schedules a retry with
 * exponential backoff. No database transaction is open while a request is in flight. Run it on a scheduled executor with {@link #runOnce()}.
 */
public final class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
    /** How long one request to production may take: connect 5 s + answer 15 s. */
    public static final Duration LONGEST_REQUEST = Duration.ofSeconds(20);
    /**
     * Well above {@link #LONGEST_REQUEST}: a send of several requests (the order, the images production asks for,
     * the order again) renews its lease before each further one, so a lease never ends mid-request.
     */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    /** Production refusing the same order this many times means a person must look at it. */
    public static final int DEFAULT_MAX_REFUSALS = 5;
    private static final int MAX_DETAIL = 300;
    private final OutboxStore outbox;
    private final SignedRequests signed;
    private final String base;
    private final URI orders;
    private final Clock clock;
    private final CentralMetrics metrics;
    private final int maxRefusals;
    private final Duration lease;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /**
     * What one send came to: delivered, refused by production (HTTP 422), failed otherwise (to retry), or given up
     * because this relay's lease on the order ended mid-send ({@code lost}: another relay holds it now); {@code due}:
     * the row with this relay's latest lease on it.
     */
    private record Sent(boolean delivered, boolean refused, boolean lost, String error, OutboxStore.Due due) {
        static Sent delivered(OutboxStore.Due due) {
            return new Sent(true, false, false, null, due);
        }

        static Sent failed(OutboxStore.Due due, boolean refused, String error) {
            return new Sent(false, refused, false, error, due);
        }

        static Sent lost(OutboxStore.Due due) {
            return new Sent(false, false, true, null, due);
        }
    }

    public OutboxRelay(OutboxStore outbox, SignedRequests signed, URI production, Clock clock) {
        this(outbox, signed, production, clock, null, DEFAULT_MAX_REFUSALS, DEFAULT_LEASE);
    }

    /**
     * {@code maxRefusals}: after this many HTTP 422 answers in a row the order is parked (no more attempts)
     * until a supervisor retries it; {@code metrics} may be null; {@code lease}: how long the orders this relay
     * is sending stay invisible to the other instances' relays (if it dies, they take them over after that).
     */
    public OutboxRelay(OutboxStore outbox, SignedRequests signed, URI production, Clock clock, CentralMetrics metrics,
                       int maxRefusals, Duration lease) {
        if (maxRefusals < 1) {
            throw new IllegalArgumentException("maxRefusals must be at least 1");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the relay's lease must be positive");
        }
        this.outbox = outbox;
        this.signed = signed;
        this.base = production.toString().replaceAll("/+$", "");
        this.orders = URI.create(base + Paths.PRODUCTION_ORDERS);
        this.clock = clock;
        this.metrics = metrics;
        this.maxRefusals = maxRefusals;
        this.lease = lease;
    }

    /**
     * One pass over the due rows, up to {@value #BATCH} of them; never throws, so the schedule keeps running. Each
     * row is leased just before it is sent, so its lease covers its own send only: a row leased with nineteen others
     * would wait behind their sends, and when production is slow its lease could end before it was sent, while another
     * instance's relay takes it and sends the same order at once.
     */
    public void runOnce() {
        try {
            for (int i = 0; i < BATCH; i++) {
                List<OutboxStore.Due> leased = outbox.lease(clock.instant(), 1, lease);
                if (leased.isEmpty()) {
                    return;
                }
                Sent sent = send(leased.get(0));
                OutboxStore.Due due = sent.due();
                if (sent.lost()) {
                    LOG.warn("relay: order {} no longer leased to this relay (the lease ended mid-send and another relay"
                            + " took it, or it could not be renewed); this relay stopped sending it", due.applicationId());
                    if (metrics != null) {
                        metrics.deliveryFailed("lease_lost");
                    }
                } else if (sent.delivered()) {
                    Instant approved = outbox.delivered(due, clock.instant());
                    LOG.info("relay: order {} delivered to production", due.applicationId());
                    if (metrics != null && approved != null) {
                        metrics.delivered(Duration.between(approved, clock.instant()));
                    }
                } else if (sent.refused()) {
                    boolean parked = outbox.refused(due, sent.error(), clock.instant(), maxRefusals);
                    if (metrics != null) {
                        metrics.deliveryFailed("refused");
                    }
                    if (parked) {
                        LOG.warn("relay: order {} parked after {} refusals by production; a supervisor can retry it",
                                due.applicationId(), maxRefusals);
                        if (metrics != null) {
                            metrics.parked();
                        }
                    }
                } else {
                    if (!outbox.failed(due, sent.error(), clock.instant())) {
                        LOG.info("relay: order {} failed after its lease had ended; the relay holding it now retries it",
                                due.applicationId());
                    }
                    if (metrics != null) {
                        metrics.deliveryFailed("unavailable");
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("relay pass failed: {}", e.getMessage());
        }
    }

    /**
     * Sends one order, which names its images by hash; when production answers that it lacks some
     * ({@link ProductionOrder#MISSING_IMAGES}), PUTs those from the application and sends the order once more. Each
     * request after the first renews the lease first, and the send stops if the lease is no longer this relay's. The
     * error text carries no personal data (production's problem detail, or the failure's kind).
     */
    private Sent send(OutboxStore.Due leased) {
        OutboxStore.Due due = leased;
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = post(body);
            if (response.statusCode() == 409) {
                List<String> missing = missingImages(response.body());
                if (!missing.isEmpty()) {
                    for (String sha256 : missing) {
                        due = outbox.renew(due, clock.instant(), lease);
                        if (due == null) {
                            return Sent.lost(leased);
                        }
                        String failure = upload(due, sha256);
                        if (failure != null) {
                            return Sent.failed(due, false, failure);
                        }
                    }
                    due = outbox.renew(due, clock.instant(), lease);
                    if (due == null) {
                        return Sent.lost(leased);
                    }
                    response = post(body);
                }
            }
            if (response.statusCode() / 100 == 2) {
                return Sent.delivered(due);
            }
            LOG.info("relay: order {} refused with HTTP {}", due.applicationId(), response.statusCode());
            String error = "HTTP " + response.statusCode() + detail(response.body());
            return Sent.failed(due, response.statusCode() == 422, error);
        } catch (IOException e) {
            LOG.info("relay: order {} not sent: {}", due.applicationId(), e.getClass().getSimpleName());
            return Sent.failed(due, false, e.getClass().getSimpleName());
        } catch (EdsException e) {
            return Sent.failed(due, false, "signing failed: " + e.kind());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sent.failed(due, false, "interrupted");
        } catch (kz.qujat.store.StoreException e) {
            // the database did not answer mid-send (renewing the lease, reading an image): stop; the row is due
            // again when the lease ends
            LOG.info("relay: order {} not sent: the database did not answer mid-send", due.applicationId());
            return Sent.lost(due);
        }
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException, EdsException {
        HttpRequest request = HttpRequest.newBuilder(orders).timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(SignedRequests.HEADER, signed.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** PUTs one image production asked for; null when production holds it now, else why not. */
    private String upload(OutboxStore.Due due, String sha256) throws IOException, InterruptedException, EdsException {
        byte[] image = outbox.image(due.applicationId(), sha256).orElse(null);
        if (image == null || !Canonical.sha256Hex(image).equals(sha256)) {
            LOG.warn("relay: production asked for an image order {} does not name", due.applicationId());
            return "production asked for an image the order does not name";
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + Paths.fill(Paths.PRODUCTION_IMAGE, "sha256", sha256)))
                .timeout(ANSWER_TIMEOUT).header("Content-Type", "application/octet-stream")
                .header(SignedRequests.HEADER, signed.sign(image))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(image)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            LOG.info("relay: image for order {} refused with HTTP {}", due.applicationId(), response.statusCode());
            return "image upload: HTTP " + response.statusCode() + detail(response.body());
        }
        if (metrics != null) {
            metrics.imageSent();
        }
        return null;
    }

    /** The hashes production lacks, from its MISSING_IMAGES problem; empty for any other answer. */
    private static List<String> missingImages(String body) {
        try {
            JsonNode problem = Json.mapper().readTree(body);
            if (problem == null || !ProductionOrder.MISSING_IMAGES.equals(problem.path("code").asText())) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : problem.path("errors")) {
                String sha = e.path("message").asText("");
                if (sha.matches("[0-9a-f]{64}") && !out.contains(sha)) {
                    out.add(sha);
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The problem+json detail production gave (it names the check that failed, never a person), shortened. */
    private static String detail(String body) {
        try {
            JsonNode problem = Json.mapper().readTree(body);
            String d = problem == null ? "" : problem.path("detail").asText("");
            return d.isEmpty() ? "" : ": " + (d.length() > MAX_DETAIL ? d.substring(0, MAX_DETAIL) + "…" : d);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
