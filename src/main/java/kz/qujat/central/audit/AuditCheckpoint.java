package kz.qujat.central.audit;

import java.time.Instant;

/** A signed checkpoint: the central service's detached CMS over {@link AuditChain#checkpointDocument}. */
public record AuditCheckpoint(long seq, String hash, Instant at, byte[] signature) {
}
