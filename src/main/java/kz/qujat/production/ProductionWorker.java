package kz.qujat.production;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.qujat.api.ReadyReport;
import kz.qujat.production.store.OrderStore;
import kz.qujat.production.store.ProducedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's scheduled work: finishes orders whose production time has passed (a new card number each)
 * and reports them ready to the central service, retrying with exponential backoff until acknowledged.
 * It keeps no state of its own; everything is read from the store on every tick, so a restart resumes.
 */
final class ProductionWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProductionWorker.class);
    private static final int BATCH = 50;

    private final OrderStore store;
    private final ReadyReporter reporter;
    private final Clock clock;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "production-worker");
        t.setDaemon(true);
        return t;
    });

    ProductionWorker(OrderStore store, ReadyReporter reporter, Clock clock, Duration retryInitial, Duration retryMax) {
        this.store = store;
        this.reporter = reporter;
        this.clock = clock;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
    }

    void start(Duration interval) {
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            for (ProducedDocument d : store.produceDue(clock.instant(), BATCH)) {
                LOG.info("order {} produced", d.applicationId());
            }
            for (ProducedDocument d : store.reportsDue(clock.instant(), BATCH)) {
                report(d);
            }
        } catch (RuntimeException e) {
            // the next tick tries again; the store holds every state, so nothing is lost
            LOG.warn("production tick failed: {}", e.getMessage());
        }
    }

    private void report(ProducedDocument d) {
        ReadyReporter.Attempt attempt = reporter.send(
                new ReadyReport(d.applicationId(), d.registrationPoint(), d.documentNumber(), d.producedAt()));
        Instant now = clock.instant();
        if (attempt.delivered()) {
            store.markReported(d.applicationId(), now);
            LOG.info("order {} reported ready", d.applicationId());
        } else {
            Duration wait = backoff(d.reportAttempts());
            store.markReportFailed(d.applicationId(), now.plus(wait), attempt.error());
            LOG.warn("order {} ready report failed ({}), attempt {}, next in {}", d.applicationId(), attempt.error(),
                    d.reportAttempts() + 1, wait);
        }
    }

    /** retryInitial doubled per failed attempt, capped at retryMax. */
    Duration backoff(int failedBefore) {
        Duration wait = retryInitial;
        for (int i = 0; i < failedBefore && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
