package kz.qujat.production;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.qujat.eds.ServiceCalls;
import kz.qujat.production.store.ImageStore;
import kz.qujat.production.store.OrderStore;
import kz.qujat.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production node's Prometheus metrics and readiness: orders by status (read from its database at each
 * scrape), orders received by outcome, HTTP latency by route, OCSP/TSA calls, the database pool.
 */
public final class ProductionMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProductionMetrics.class);
    private static final String[] STATUSES = {"IN_PRODUCTION", "PRODUCED", "REPORTED"};
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final OrderStore store;
    private final ImageStore images;
    private static final String IMAGES = "images";
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final ServiceCalls.Listener eds;
    private final ExecutorService checks = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "production-readiness");
        t.setDaemon(true);
        return t;
    });

    ProductionMetrics(Database database, OrderStore store, ImageStore images) {
        this.store = store;
        this.images = images;
        database.bindMetrics(registry);
        Gauge.builder("qujat.production.images", counts, c -> c.getOrDefault(IMAGES, -1L))
                .description("images held by this node, each once by its SHA-256").register(registry);
        for (String s : STATUSES) {
            Gauge.builder("qujat.production.orders", counts, c -> c.getOrDefault(s, -1L))
                    .description("orders of this node by status").tag("status", s).register(registry);
        }
        eds = (service, nanos, answered) -> Timer.builder("qujat.eds.calls")
                .tag("service", service.name().toLowerCase(java.util.Locale.ROOT))
                .tag("outcome", answered ? "answered" : "failed").serviceLevelObjectives(BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        ServiceCalls.listen(eds);
    }

    /** One answered request: its method, the route it matched ("unmatched" when none), status and time. */
    public void request(String method, String route, int status, float ms) {
        Timer.builder("qujat.http.server.requests").tag("method", method).tag("route", route)
                .tag("status", Integer.toString(status)).serviceLevelObjectives(BUCKETS)
                .register(registry).record((long) (ms * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** An order received: created, duplicate (already held), or refused (with the HTTP status). */
    public void received(String outcome) {
        registry.counter("qujat.production.orders.received", "outcome", outcome).increment();
    }

    /** An image PUT by central: stored (new) or already held. */
    public void imageReceived(boolean stored) {
        registry.counter("qujat.production.images.received", "outcome", stored ? "stored" : "held").increment();
    }

    public String scrape() {
        try {
            for (String s : STATUSES) {
                counts.put(s, store.count(s));
            }
            counts.put(IMAGES, images.count());
        } catch (RuntimeException e) {
            LOG.warn("metrics: database not readable: {}", e.getMessage());
        }
        return registry.scrape();
    }

    /** The database answers within 3 s. */
    public boolean ready() {
        CompletableFuture<Long> check = CompletableFuture.supplyAsync(() -> store.count("IN_PRODUCTION"), checks);
        try {
            check.get(3, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            check.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        ServiceCalls.stopListening(eds);
        checks.shutdownNow();
        registry.close();
    }
}
