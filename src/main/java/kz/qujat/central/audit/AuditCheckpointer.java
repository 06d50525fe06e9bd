package kz.qujat.central.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kz.qujat.central.store.AuditStore;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the head of the audit chain with the central service's key every {@code rows} new rows, or after
 * {@code interval} when there are new rows at all. Run {@link #runOnce()} on a schedule; it never throws.
 */
public final class AuditCheckpointer {
    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpointer.class);
    private final AuditStore store;
    private final SigningKey key;
    private final int rows;
    private final Duration interval;
    private final Clock clock;
    private Instant started;

    public AuditCheckpointer(AuditStore store, SigningKey key, int rows, Duration interval, Clock clock) {
        if (rows < 1) {
            throw new IllegalArgumentException("an audit checkpoint needs at least one row");
        }
        this.store = store;
        this.key = key;
        this.rows = rows;
        this.interval = interval;
        this.clock = clock;
    }

    public void runOnce() {
        try {
            Instant now = clock.instant();
            if (started == null) {
                started = now;
            }
            AuditStore.Head head = store.head();
            long fresh = head.seq() - head.checkpointSeq();
            Instant since = head.checkpointAt() == null ? started : head.checkpointAt();
            if (fresh >= rows || (fresh > 0 && !now.isBefore(since.plus(interval)))) {
                sign(head, now);
            }
        } catch (RuntimeException | EdsException e) {
            LOG.warn("audit checkpoint failed: {}", e.getMessage());
        }
    }

    private void sign(AuditStore.Head head, Instant now) throws EdsException {
        Instant at = AuditChain.time(now);
        byte[] signature = CmsSigner.signDetached(key, AuditChain.checkpointDocument(head.seq(), head.hash(), at));
        if (store.checkpoint(new AuditCheckpoint(head.seq(), head.hash(), at, signature))) {
            LOG.info("audit checkpoint signed at row {}", head.seq());
        }
    }
}
