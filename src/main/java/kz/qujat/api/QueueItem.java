package kz.qujat.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a region's queue. {@code daysFromExpiry} is negative before expiry, counted at submission. */
public record QueueItem(UUID id, String ticketNumber, String status, Instant submittedAt, LocalDate expiryDate,
                        long daysFromExpiry, String applicantName, String claimedBy) {
}
