package kz.qujat.central.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the audit log as stored: its place in the chain, what happened (kind and canonical JSON detail),
 * to which application, by whom, and the hashes that chain it to the row before.
 */
public record AuditRow(long seq, Instant at, String kind, UUID applicationId, String actorIin, String detail,
                       String prevHash, String hash) {
}
