package kz.qujat.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.ProductionAck;
import kz.qujat.api.ProductionOrder;
import kz.qujat.api.Canonical;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.production.store.ImageStore;
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
    private final ImageStore images;
    private final Duration productionTime;
    private final Clock clock;
    private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    private final ObjectMapper mapper = Json.mapper();

    OrderService(SignedRequests signedRequests, DecisionCheck decisions, OrderStore store, ImageStore images,
                 Duration productionTime, Clock clock) {
        this.signedRequests = signedRequests;
        this.decisions = decisions;
        this.store = store;
        this.images = images;
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
        byte[] photo = image(order.photo(), order.photoSha256(), "photo");
        byte[] signature = image(order.signature(), order.signatureSha256(), "signature");
        if (photo == null || signature == null) {
            List<Problem.FieldError> missing = new ArrayList<>();
            if (photo == null) {
                missing.add(new Problem.FieldError("photoSha256", order.photoSha256()));
            }
            if (signature == null && !(photo == null && order.signatureSha256().equals(order.photoSha256()))) {
                missing.add(new Problem.FieldError("signatureSha256", order.signatureSha256()));
            }
            LOG.info("order {}: {} image(s) not held yet, asked for", order.applicationId(), missing.size());
            throw new ApiException(ProblemKind.CONFLICT, "the node does not hold the order's images yet: PUT them to "
                    + Paths.PRODUCTION_IMAGE + " and send the order again", missing)
                    .withCode(ProductionOrder.MISSING_IMAGES);
        }
        DecisionDocument decision = decisions.verify(order, photo, signature);
        Instant now = clock.instant();
        boolean created = store.insertIfAbsent(new NewOrder(order.applicationId(), order.ticketNumber(),
                order.registrationPoint(), decision.officerIin(), new String(body, java.nio.charset.StandardCharsets.UTF_8),
                now, now.plus(productionTime)));
        String status = store.status(order.applicationId()).map(OrderStatus::status).orElse("IN_PRODUCTION");
        LOG.info("order {} ticket {} {}", order.applicationId(), order.ticketNumber(), created ? "accepted" : "repeated");
        return new Accepted(new ProductionAck(order.applicationId(), status, !created), created);
    }

    /**
     * Receives one image named by its SHA-256: the request must be signed by central; the bytes must hash to the
     * name. True when this call stored it, false when it was held already.
     */
    public boolean receiveImage(String sha256, byte[] body, String signatureHeader) {
        signedRequests.verify(signatureHeader, body);
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw ApiException.invalid("the image is not named by a lowercase hex SHA-256");
        }
        if (body.length == 0) {
            throw ApiException.invalid("the image is empty");
        }
        if (!Canonical.sha256Hex(body).equals(sha256)) {
            throw ApiException.invalid("the image's bytes do not hash to its name");
        }
        return images.putIfAbsent(sha256, body, clock.instant());
    }

    /** An image of the order: inline (base64) as older orders carried them, else the one held by its hash; null when not held. */
    private byte[] image(String inline, String sha256, String field) {
        if (inline != null) {
            try {
                return java.util.Base64.getDecoder().decode(inline);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(field + " is not base64");
            }
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw ApiException.invalid(field + "Sha256 is missing or not a lowercase hex SHA-256");
        }
        return images.get(sha256).orElse(null);
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
