package kz.qujat.production.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.Json;
import kz.qujat.api.Paths;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.production.OrderService;
import kz.qujat.production.ProductionMetrics;
import kz.qujat.production.store.OrderStore;
import kz.qujat.server.ApiException;
import kz.qujat.server.http.HttpEndpoint;
import kz.qujat.server.http.ProblemWriter;
import kz.qujat.server.SignedRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the production node in one place, on the shared {@link HttpEndpoint} (so failures are
 * problem+json as at the central service); handlers parse, call the service, and write.
 */
public final class ProductionRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ProductionRoutes.class);

    private final OrderService orders;
    private final OrderStore store;
    private final ProductionMetrics metrics;
    private final ObjectMapper mapper = Json.mapper();

    public ProductionRoutes(OrderService orders, OrderStore store, ProductionMetrics metrics) {
        this.orders = orders;
        this.store = store;
        this.metrics = metrics;
    }

    /** Starts the node's HTTP server on {@code port} with these routes. */
    public HttpEndpoint start(int port, long maxBodyBytes) {
        Javalin app = HttpEndpoint.create(maxBodyBytes, cfg -> cfg.requestLogger.http((ctx, ms) ->
                metrics.request(ctx.method().name(), route(ctx), ctx.statusCode(), ms)));
        register(app);
        return HttpEndpoint.start(app, port);
    }

    private static String route(Context ctx) {
        try {
            String route = ctx.endpointHandlerPath();
            return route == null || route.isEmpty() || "*".equals(route) ? "unmatched" : route;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    private void register(Javalin app) {
        app.post(Paths.PRODUCTION_ORDERS, this::receive);
        app.post(Paths.PRODUCTION_ORDER_SUMMARY, ctx -> json(ctx, 200,
                orders.summary(ctx.bodyAsBytes(), ctx.header(SignedRequests.HEADER))));
        app.put(Paths.PRODUCTION_IMAGE, ctx -> {
            boolean stored = orders.receiveImage(ctx.pathParam("sha256"), ctx.bodyAsBytes(),
                    ctx.header(SignedRequests.HEADER));
            metrics.imageReceived(stored);
            json(ctx, stored ? 201 : 200, Map.of("sha256", ctx.pathParam("sha256"), "stored", stored));
        });
        app.get(Paths.PRODUCTION_ORDER, this::status);
        app.get(Paths.HEALTH, this::health);
        app.get(Paths.READY, ctx -> {
            boolean ready = metrics.ready();
            json(ctx, ready ? 200 : 503, Map.of("status", ready ? "READY" : "NOT_READY"));
        });
        app.get(Paths.METRICS, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        app.after(Paths.PRODUCTION_ORDERS, ctx -> metrics.received(switch (ctx.statusCode()) {
            case 201 -> "created";
            case 200 -> "duplicate";
            default -> "refused-" + ctx.statusCode();
        }));
    }

    private void receive(Context ctx) {
        OrderService.Accepted accepted = orders.receive(ctx.bodyAsBytes(), ctx.header(SignedRequests.HEADER));
        json(ctx, accepted.created() ? 201 : 200, accepted.ack());
    }

    /** Local operations only: the status of an order, without personal data or the document number. */
    private void status(Context ctx) {
        if (!fromLoopback(ctx)) {
            problem(ctx, Problem.of(ProblemKind.FORBIDDEN, "order status is available to local operations only"));
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("id is not a UUID");
        }
        var status = orders.status(id);
        if (status.isEmpty()) {
            problem(ctx, Problem.of(ProblemKind.NOT_FOUND, "no order for this application"));
            return;
        }
        json(ctx, 200, status.get());
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("inProduction", store.count("IN_PRODUCTION"));
        body.put("awaitingReport", store.count("PRODUCED"));
        body.put("reported", store.count("REPORTED"));
        json(ctx, 200, body);
    }

    private static boolean fromLoopback(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void json(Context ctx, int status, Object body) {
        write(ctx, status, "application/json", body);
    }

    private static void problem(Context ctx, Problem p) {
        ProblemWriter.write(ctx, p);
    }

    private void write(Context ctx, int status, String type, Object body) {
        try {
            ctx.status(status).contentType(type).result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }
}
