package kz.qujat.central;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import kz.qujat.central.store.OpsStore;
import kz.qujat.domain.Region;
import kz.qujat.eds.ServiceCalls;
import kz.qujat.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus metrics of one central instance. Counters and timers count what this instance did (sum them
 * over instances); the queue, outbox and production gauges are read from the shared database at each scrape, so
 * every instance reports the same installation-wide numbers (take one, or the max). No personal data: regions,
 * routes, reasons and counts only.
 */
public final class CentralMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CentralMetrics.class);
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final OpsStore ops;
    private final Clock clock;
    private final AtomicReference<OpsStore.Snapshot> last = new AtomicReference<>();
    private final Counter claimExpiries;
    private final Counter relayParked;
    private final ServiceCalls.Listener edsListener;
    private volatile boolean databaseUp = true;

    public CentralMetrics(Database database, OpsStore ops, Clock clock) {
        this.ops = ops;
        this.clock = clock;
        database.bindMetrics(registry);
        claimExpiries = Counter.builder("qujat.claim.expiries").description("claims returned to the queue after their TTL,"
                + " by this instance's sweeper").register(registry);
        relayParked = Counter.builder("qujat.outbox.parked.events").description("orders this instance's relay parked"
                + " after production refused them repeatedly").register(registry);
        for (Region r : Region.values()) {
            regionGauge("qujat.queue.waiting", "applications waiting in the region's queue", r,
                    s -> s.queue(r).waiting());
            regionGauge("qujat.queue.oldest.waiting.seconds", "how long the oldest waiting application of the region"
                    + " has waited", r, s -> age(s.queue(r).oldestWaitingSince(), s.readAt()));
            regionGauge("qujat.claims.held", "applications claimed by an officer now", r, s -> s.queue(r).claimsHeld());
        }
        gauge("qujat.outbox.backlog", "approved orders not yet delivered to production (parked ones apart)",
                s -> s.outboxBacklog());
        gauge("qujat.outbox.oldest.seconds", "age of the oldest undelivered order", s -> age(s.outboxOldest(), s.readAt()));
        gauge("qujat.outbox.parked", "orders production refused, parked for a supervisor", s -> s.outboxParked());
        gauge("qujat.production.in.progress", "applications accepted by production and not yet reported ready",
                s -> s.inProduction());
        gauge("qujat.production.lag.seconds", "time since the oldest application still in production was delivered",
                s -> age(s.oldestInProductionSince(), s.readAt()));
        gauge("qujat.audit.pending", "audit events committed and not yet linked into the hash chain",
                s -> s.auditPending());
        gauge("qujat.audit.pending.oldest.seconds", "age of the oldest audit event not yet chained",
                s -> age(s.auditPendingOldest(), s.readAt()));
        Gauge.builder("qujat.database.up", this, m -> m.databaseUp ? 1 : 0)
                .description("1 when the last scrape could read the database").register(registry);
        edsListener = (service, nanos, answered) -> Timer.builder("qujat.eds.calls")
                .description("OCSP and TSA calls: latency, and whether the responder answered")
                .tag("service", service.name().toLowerCase(java.util.Locale.ROOT))
                .tag("outcome", answered ? "answered" : "failed")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        ServiceCalls.listen(edsListener);
    }

    private void regionGauge(String name, String help, Region r, ToDoubleFunction<OpsStore.Snapshot> f) {
        Gauge.builder(name, this, m -> m.read(f)).description(help).tag("region", r.name()).register(registry);
    }

    private void gauge(String name, String help, ToDoubleFunction<OpsStore.Snapshot> f) {
        Gauge.builder(name, this, m -> m.read(f)).description(help).register(registry);
    }

    private double read(ToDoubleFunction<OpsStore.Snapshot> f) {
        OpsStore.Snapshot s = last.get();
        return s == null ? Double.NaN : f.applyAsDouble(s);
    }

    private static double age(Instant since, Instant now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }

    /** One HTTP request: latency by method, route template and status. */
    public void request(String method, String route, int status, long nanos) {
        // one Timer per (method, route, status), built once: the builder's register() allocates and looks up by
        // tags on every call, which showed on the claim path under 64 clients
        requestTimers.computeIfAbsent(method + ' ' + status + ' ' + route, k -> Timer.builder("qujat.http.server.requests")
                .description("HTTP requests by route")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Timer> requestTimers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** An application claimed by an officer through this instance. */
    public void claimed() {
        registry.counter("qujat.claims").increment();
    }

    /** A signed decision recorded through this instance; {@code status} APPROVED or ANNULLED. */
    public void decided(String status) {
        registry.counter("qujat.decisions", "status", status).increment();
    }

    /** An intake refused, by the problem it was refused with (invalid-input, not-eligible, conflict, too-large, ...). */
    public void intakeRefused(String reason) {
        registry.counter("qujat.intake.refusals", "reason", reason).increment();
    }

    public void intakeAccepted() {
        registry.counter("qujat.intake.accepted").increment();
    }

    public void claimsExpired(int n) {
        claimExpiries.increment(n);
    }

    /** The relay delivered an order; {@code sinceApproval} is how long it waited in the outbox. */
    public void delivered(Duration sinceApproval) {
        Timer.builder("qujat.outbox.delivery.delay").description("from the approval to production's acceptance")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2))
                .register(registry).record(sinceApproval);
    }

    /** An image PUT to production because it asked for it (it did not hold it yet). */
    public void imageSent() {
        registry.counter("qujat.outbox.images.sent").increment();
    }

    /** A delivery attempt that failed, by kind: refused (HTTP 4xx), unavailable (5xx, network). */
    public void deliveryFailed(String kind) {
        registry.counter("qujat.outbox.delivery.failures", "kind", kind).increment();
    }

    public void parked() {
        relayParked.increment();
    }

    /** The Prometheus text exposition, with the database gauges read afresh. */
    public String scrape() {
        try {
            last.set(ops.read(clock.instant()));
            databaseUp = true;
        } catch (RuntimeException e) {
            databaseUp = false;
            LOG.warn("metrics: database not readable: {}", e.getMessage());
        }
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        ServiceCalls.stopListening(edsListener);
        registry.close();
    }
}
