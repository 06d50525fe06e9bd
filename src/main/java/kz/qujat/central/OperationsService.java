package kz.qujat.central;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.qujat.central.store.OpsStore;

/** What the operations team and the supervisors need of a running instance: metrics and readiness. */
public final class OperationsService {
    private static final long READY_TIMEOUT_MS = 3000;
    private final CentralMetrics metrics;
    private final OpsStore ops;
    private final ExecutorService checks = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "central-readiness");
        t.setDaemon(true);
        return t;
    });

    public OperationsService(CentralMetrics metrics, OpsStore ops) {
        this.metrics = metrics;
        this.ops = ops;
    }

    public CentralMetrics metrics() {
        return metrics;
    }

    /**
     * Ready to take traffic: the database answers a trivial query within 3 s (the pool would otherwise wait its
     * full connection timeout). A load balancer takes an instance out while this fails.
     */
    public boolean ready() {
        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> {
            try {
                return ops.reachable();
            } catch (RuntimeException e) {
                return false;
            }
        }, checks);
        try {
            return check.get(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            check.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
