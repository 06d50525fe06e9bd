package kz.qujat.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An approved application whose order the production node refused (HTTP 422) so many times in a row that the
 * relay stopped trying: what production said, and who last sent it again. A supervisor retries it once the
 * cause is fixed (for instance production's trust anchors updated).
 */
public record ParkedOrder(UUID applicationId, String ticketNumber, String region, Instant approvedAt, int attempts,
                          int refusals, String lastError, Instant parkedAt, String retriedBy, Instant retriedAt) {
}
