package kz.qujat.api;

import java.time.Instant;
import java.util.UUID;

/** One entry of the annulment log (R9, R10) with the supervisor's review, if any. */
public record Annulment(UUID applicationId, String ticketNumber, String region, String reason, String comment,
                        String officerIin, String officerName, Instant annulledAt, String refundStatus,
                        Review review) {

    public record Review(String verdict, String comment, String supervisorIin, String supervisorName,
                         Instant reviewedAt) {
    }
}
