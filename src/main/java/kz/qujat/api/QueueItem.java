package kz.qujat.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a region's queue. {@code daysFromExpiry} is negative before expiry, counted at submission;
 * {@code checks} is the worst verdict of the photo and signature checks run at intake (PASS, WARN, FAIL),
 * null for applications stored before the checks existed.
 */
public record QueueItem(UUID id, String ticketNumber, String status, Instant submittedAt, LocalDate expiryDate,
                        long daysFromExpiry, String applicantName, String claimedBy, String checks) {
}
