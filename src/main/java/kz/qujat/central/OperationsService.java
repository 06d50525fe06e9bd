package kz.qujat.central;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.qujat.api.LiveQueue;
import kz.qujat.api.ParkedOrder;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.api.ReleaseRequest;
import kz.qujat.central.store.ClaimStore;
import kz.qujat.central.store.OpsStore;
import kz.qujat.central.store.OutboxStore;
import kz.qujat.domain.Region;
import kz.qujat.server.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the operations team and the supervisors need of a running instance: metrics and readiness; the live queue
 * of a supervisor's scope with the release of a stale claim; the orders production refused, parked for a retry.
 */
public final class OperationsService {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsService.class);
    private static final int MAX_LIST = 500;
    private static final int MAX_REASON = 500;
    private static final long READY_TIMEOUT_MS = 3000;
    private final CentralMetrics metrics;
    private final OpsStore ops;
    private final OutboxStore outbox;
    private final Clock clock;
    private final ExecutorService checks = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "central-readiness");
        t.setDaemon(true);
        return t;
    });

    public OperationsService(CentralMetrics metrics, OpsStore ops, OutboxStore outbox, Clock clock) {
        this.metrics = metrics;
        this.ops = ops;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The supervisor's region, or null for a national supervisor (every region). */
    private static Region scope(StaffMember supervisor) {
        return supervisor.national() ? null : supervisor.region();
    }

    public LiveQueue liveQueue(StaffMember supervisor) {
        Region scope = scope(supervisor);
        Instant now = clock.instant();
        OpsStore.Snapshot s = ops.read(now);
        List<LiveQueue.RegionLine> lines = new ArrayList<>();
        for (Region r : Region.values()) {
            if (scope != null && r != scope) {
                continue;
            }
            OpsStore.RegionQueue q = s.queue(r);
            long oldest = q.oldestWaitingSince() == null ? 0
                    : Math.max(0, Duration.between(q.oldestWaitingSince(), now).toSeconds());
            lines.add(new LiveQueue.RegionLine(r.name(), q.waiting(), q.oldestWaitingSince(), oldest, q.claimsHeld()));
        }
        // the longest waits first, then the biggest queues: what a supervisor looks at first
        lines.sort(Comparator.comparingLong(LiveQueue.RegionLine::oldestWaitingSeconds).reversed()
                .thenComparing(Comparator.comparingLong(LiveQueue.RegionLine::waiting).reversed())
                .thenComparing(LiveQueue.RegionLine::region));
        List<LiveQueue.HeldClaim> claims = ops.held(scope, MAX_LIST).stream()
                .map(h -> new LiveQueue.HeldClaim(h.applicationId(), h.ticketNumber(), h.region().name(), h.officerIin(),
                        h.officerName(), h.claimedAt(), h.expiresAt(),
                        h.claimedAt() == null ? 0 : Math.max(0, Duration.between(h.claimedAt(), now).toSeconds())))
                .toList();
        long parked = outbox.parked(scope, MAX_LIST).size();
        return new LiveQueue(now, lines, claims, parked);
    }

    /** Releases a claim of the supervisor's scope back to the queue; the reason is required and recorded. */
    public void releaseClaim(StaffMember supervisor, UUID id, ReleaseRequest request) {
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw new ApiException(ProblemKind.INVALID_INPUT, "say why the claim is released",
                    List.of(new Problem.FieldError("reason", "required")));
        }
        if (reason.length() > MAX_REASON) {
            throw new ApiException(ProblemKind.INVALID_INPUT, "the reason is longer than " + MAX_REASON + " characters",
                    List.of(new Problem.FieldError("reason", "too long")));
        }
        ClaimStore.Result r = ops.releaseClaim(id, scope(supervisor), supervisor.iin(), reason, clock.instant());
        switch (r.outcome()) {
            case NOT_FOUND, OTHER_REGION -> throw ApiException.notFound("no such application in your scope");
            case WRONG_STATUS -> throw ApiException.conflict("the application is not claimed (status " + r.status() + ")");
            default -> LOG.info("application {} claim released by a supervisor", id);
        }
    }

    public List<ParkedOrder> parked(StaffMember supervisor) {
        return outbox.parked(scope(supervisor), MAX_LIST).stream()
                .map(p -> new ParkedOrder(p.applicationId(), p.ticketNumber(), p.region().name(), p.approvedAt(),
                        p.attempts(), p.refusals(), p.lastError(), p.parkedAt(), p.retriedBy(), p.retriedAt()))
                .toList();
    }

    /** Sends a parked order again (the relay picks it up at its next pass). */
    public void retry(StaffMember supervisor, UUID id) {
        if (!outbox.retry(id, scope(supervisor), supervisor.iin(), clock.instant())) {
            throw ApiException.notFound("no parked order of this application in your scope");
        }
        LOG.info("parked order {} sent again by a supervisor", id);
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
