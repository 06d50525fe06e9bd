package kz.qujat.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Json;
import kz.qujat.api.ProductionAck;
import kz.qujat.api.ProductionOrder;
import kz.qujat.production.store.NewOrder;
import kz.qujat.production.store.OrderStatus;
import kz.qujat.production.store.OrderStore;
import kz.qujat.server.ApiException;
import kz.qujat.server.SignedRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives orders from the central service: checks the request signature, verifies the officer's decision
 * again, and stores the order once. A repeat of an application already held is acknowledged as a duplicate.
 */
public final class OrderService {
    private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

    /** What the route answers: the acknowledgement, and whether this call created the order. */
    public record Accepted(ProductionAck ack, boolean created) {
    }

    private final SignedRequests signedRequests;
    private final DecisionCheck decisions;
    private final OrderStore store;
    private final Duration productionTime;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();

    OrderService(SignedRequests signedRequests, DecisionCheck decisions, OrderStore store, Duration productionTime,
                 Clock clock) {
        this.signedRequests = signedRequests;
        this.decisions = decisions;
        this.store = store;
        this.productionTime = productionTime;
        this.clock = clock;
    }

    /** Every order, for central's reconciliation; the request must be signed by central like an order. */
    public java.util.List<kz.qujat.api.OrderSummary> summary(byte[] body, String signatureHeader) {
        signedRequests.verify(signatureHeader, body);
        return store.summaries().stream().map(o -> new kz.qujat.api.OrderSummary(o.applicationId(), o.status(),
                o.documentNumber() == null ? null : o.documentNumber().trim())).toList();
    }

    public Accepted receive(byte[] body, String signatureHeader) {
        signedRequests.verify(signatureHeader, body);
        ProductionOrder order = parse(body);
        DecisionDocument decision = decisions.verify(order);
        Instant now = clock.instant();
        boolean created = store.insertIfAbsent(new NewOrder(order.applicationId(), order.ticketNumber(),
                order.registrationPoint(), decision.officerIin(), new String(body, java.nio.charset.StandardCharsets.UTF_8),
                now, now.plus(productionTime)));
        String status = store.status(order.applicationId()).map(OrderStatus::status).orElse("IN_PRODUCTION");
        LOG.info("order {} ticket {} {}", order.applicationId(), order.ticketNumber(), created ? "accepted" : "repeated");
        return new Accepted(new ProductionAck(order.applicationId(), status, !created), created);
    }

    public Optional<OrderStatus> status(UUID applicationId) {
        return store.status(applicationId);
    }

    private ProductionOrder parse(byte[] body) {
        ProductionOrder order;
        try {
            order = mapper.readValue(body, ProductionOrder.class);
        } catch (IOException e) {
            throw ApiException.invalid("body is not a production order");
        }
        if (order == null || order.applicationId() == null || blank(order.ticketNumber())
                || blank(order.registrationPoint()) || order.form() == null || !order.form().isObject()) {
            throw ApiException.invalid("order lacks applicationId, ticketNumber, registrationPoint or form");
        }
        JsonNode point = order.form().get("registrationPoint");
        if (point == null || !order.registrationPoint().equals(point.asText())) {
            throw ApiException.invalid("registrationPoint differs from the one in the form");
        }
        return order;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
