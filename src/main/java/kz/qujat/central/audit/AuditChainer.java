package kz.qujat.central.audit;

import java.util.concurrent.atomic.AtomicLong;
import kz.qujat.central.store.AuditStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links committed audit events into the hash chain shortly after their commit: woken by each commit of this
 * instance that recorded events, and every {@code pollMillis} in any case (for the events other instances
 * committed, and those an instance that died left pending). One chainer at a time works on the database (the head
 * row's lock, {@link AuditStore#chain}); the others skip their turn, so N instances never contend for it. The
 * events committed while a round runs are chained by the next round, at once: under load the rounds follow one
 * another, each taking everything committed meanwhile (a batch), so the chain costs one short transaction per
 * round instead of a serial section in every commit.
 */
public final class AuditChainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainer.class);
    private final AuditStore store;
    private final long pollMillis;
    private final Runnable wake = this::wake;
    private final AtomicLong chained = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final Thread thread;
    private boolean due;
    private long lastRound = System.nanoTime() - GATHER_MILLIS * 1_000_000L;
    /** The shortest time between two rounds. */
    static final long GATHER_MILLIS = 50;
    private volatile boolean stopped;
    /**
     * How long a stop waits for its last round. The database may be why the service is stopped: without a bound the
     * last round would wait out the pool's connection timeout (30 s) before the process could exit.
     */
    static final long LAST_ROUND_MILLIS = 5_000;
    private volatile boolean lastRoundAbandoned;

    public AuditChainer(AuditStore store, long pollMillis) {
        this.store = store;
        this.pollMillis = pollMillis;
        this.thread = new Thread(this::loop, "audit-chainer");
        this.thread.setDaemon(true);
    }

    public AuditChainer start() {
        store.onEventsCommitted(wake);
        thread.start();
        return this;
    }

    /** Events were committed: chain them now rather than at the next poll. */
    public void wake() {
        synchronized (this) {
            due = true;
            notifyAll();
        }
    }

    /** Events this instance's chainer has linked into the chain since it started. */
    public long chained() {
        return chained.get();
    }

    /** Rounds (transactions) that chained at least one event. */
    public long rounds() {
        return rounds.get();
    }

    private void loop() {
        while (!stopped) {
            try {
                synchronized (this) {
                    if (!due) {
                        wait(pollMillis);
                    }
                    due = false;
                }
                if (stopped) {
                    return;
                }
                // a round at most every GATHER_MILLIS under load: each round then takes the events of many commits
                // (one short transaction and one fsync for all of them) instead of racing every commit for the pool
                long since = System.nanoTime() - lastRound;
                if (since < GATHER_MILLIS * 1_000_000L) {
                    Thread.sleep(GATHER_MILLIS - since / 1_000_000L);
                }
                lastRound = System.nanoTime();
                int n;
                do {
                    n = store.chain(AuditStore.CHAIN_BATCH, 0);
                    if (n > 0) {
                        chained.addAndGet(n);
                        rounds.incrementAndGet();
                    }
                } while (n == AuditStore.CHAIN_BATCH && !stopped);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the events stay pending; the next round (this instance's or another's) chains them
                LOG.warn("audit chaining failed, retried at the next round: {}", e.getMessage());
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            stopped = true;
        }
    }

    private void lastRound() {
        try {
            store.chain(AuditStore.CHAIN_BATCH, 0);
        } catch (RuntimeException e) {
            if (!lastRoundAbandoned) {
                LOG.info("audit events left pending at stop, chained by the next chainer: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        store.removeListener(wake);
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // a last round for what this instance committed; what is left is chained by the next chainer
        Thread last = new Thread(this::lastRound, "audit-chainer-last");
        last.setDaemon(true);
        last.start();
        try {
            last.join(LAST_ROUND_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (last.isAlive()) {
            lastRoundAbandoned = true;
            LOG.info("audit events left pending at stop: the database did not answer within {} ms; the next chainer"
                    + " chains them", LAST_ROUND_MILLIS);
        }
    }
}
