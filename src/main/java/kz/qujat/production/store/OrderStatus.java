package kz.qujat.production.store;

import java.time.Instant;
import java.util.UUID;

/** Where one order stands on the node, without any personal data (for the ops endpoint and acks). */
public record OrderStatus(UUID applicationId, String ticketNumber, String status, Instant receivedAt,
                          Instant producedAt, Instant reportedAt, int reportAttempts, String lastError) {
}
