package kz.qujat.central;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import kz.qujat.api.Json;
import kz.qujat.api.OrderSummary;
import kz.qujat.api.Paths;
import kz.qujat.central.store.DivergenceStore;
import kz.qujat.central.store.DivergenceStore.CentralSide;
import kz.qujat.eds.EdsException;
import kz.qujat.server.SignedRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares what central holds with what the production node holds, application by application, and flags
 * every divergence for a person: ordered here but not there, ordered there for an application central never
 * approved, READY there but not here (or here but not there), two card numbers, READY recorded twice.
 * What is merely in flight (approved and not yet delivered; produced and its report not yet delivered) is not
 * a divergence. Runs periodically inside central and as {@code qujat reconcile}.
 */
public final class Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private static final Set<String> APPROVED_OR_BEYOND = Set.of("APPROVED", "IN_PRODUCTION", "READY_FOR_PICKUP", "ISSUED");
    private static final Set<String> READY_HERE = Set.of("READY_FOR_PICKUP", "ISSUED");

    /** One divergence; {@code detail} holds statuses and card numbers only. */
    public record Divergence(UUID applicationId, String kind, String detail) {
    }

    private final DivergenceStore store;
    private final SignedRequests signed;
    private final URI summaryUrl;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Reconciliation(DivergenceStore store, SignedRequests signed, URI production, Clock clock) {
        this.store = store;
        this.signed = signed;
        String base = production.toString().endsWith("/") ? production.toString().substring(0,
                production.toString().length() - 1) : production.toString();
        this.summaryUrl = URI.create(base + Paths.PRODUCTION_ORDER_SUMMARY);
        this.clock = clock;
    }

    /** Asks production, compares, flags; returns the divergences found now. */
    public List<Divergence> run() throws IOException {
        List<OrderSummary> there = fetch();
        Map<UUID, OrderSummary> production = new HashMap<>();
        for (OrderSummary o : there) {
            production.put(o.applicationId(), o);
        }
        Map<UUID, CentralSide> central = store.centralSide(production.keySet());
        List<Divergence> found = compare(central, production);
        Instant now = clock.instant();
        for (Divergence d : found) {
            store.flag(d.applicationId(), d.kind(), d.detail(), now);
        }
        LOG.info("reconciliation: {} applications here, {} orders there, {} divergences", central.size(),
                production.size(), found.size());
        return found;
    }

    static List<Divergence> compare(Map<UUID, CentralSide> central, Map<UUID, OrderSummary> production) {
        List<Divergence> found = new ArrayList<>();
        for (OrderSummary o : production.values()) {
            CentralSide c = central.get(o.applicationId());
            if (c == null) {
                found.add(new Divergence(o.applicationId(), "ORDERED_THERE_UNKNOWN_HERE", "production holds an order ("
                        + o.status() + ") for an application central does not know"));
            } else if (!APPROVED_OR_BEYOND.contains(c.status())) {
                found.add(new Divergence(o.applicationId(), "ORDERED_THERE_NOT_APPROVED_HERE", "production holds an order ("
                        + o.status() + "), central holds " + c.status()));
            }
        }
        for (CentralSide c : central.values()) {
            OrderSummary o = production.get(c.applicationId());
            if (c.readyTransitions() > 1) {
                found.add(new Divergence(c.applicationId(), "READY_TWICE", "central recorded READY_FOR_PICKUP "
                        + c.readyTransitions() + " times"));
            }
            if (!APPROVED_OR_BEYOND.contains(c.status())) {
                continue;
            }
            if (o == null) {
                boolean inFlight = "APPROVED".equals(c.status()) && !c.outboxDelivered();
                if (!inFlight) {
                    found.add(new Divergence(c.applicationId(), "ORDERED_HERE_NOT_THERE", "central holds " + c.status()
                            + (c.outboxDelivered() ? " with the order acknowledged" : "") + ", production has no order"));
                }
                continue;
            }
            if ("REPORTED".equals(o.status()) && !READY_HERE.contains(c.status())) {
                found.add(new Divergence(c.applicationId(), "READY_THERE_NOT_HERE", "production reported card "
                        + o.documentNumber() + " ready, central holds " + c.status()));
            }
            if (READY_HERE.contains(c.status()) && "IN_PRODUCTION".equals(o.status())) {
                found.add(new Divergence(c.applicationId(), "READY_HERE_NOT_THERE", "central holds " + c.status()
                        + " with card " + c.documentNumber() + ", production has not produced it"));
            }
            if (c.documentNumber() != null && o.documentNumber() != null
                    && !Objects.equals(c.documentNumber().trim(), o.documentNumber().trim())) {
                found.add(new Divergence(c.applicationId(), "TWO_CARD_NUMBERS", "central holds card "
                        + c.documentNumber() + ", production holds card " + o.documentNumber()));
            }
        }
        return found;
    }

    private List<OrderSummary> fetch() throws IOException {
        byte[] body = ("{\"askedAt\":\"" + clock.instant() + "\"}").getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(summaryUrl).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header(SignedRequests.HEADER, signed.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("the production node answered HTTP " + response.statusCode());
            }
            return Json.mapper().readValue(response.body(), new TypeReference<List<OrderSummary>>() { });
        } catch (EdsException e) {
            throw new IOException("cannot sign the reconciliation request: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
