package kz.qujat.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the annulment log (R9, R10) with the supervisor's review, if any, and the same-person check the
 * officer saw when deciding ({@code samePerson}: from the decision's inspection note, else as computed at intake;
 * null when neither holds one).
 */
public record Annulment(UUID applicationId, String ticketNumber, String region, String reason, String comment,
                        String officerIin, String officerName, Instant annulledAt, String refundStatus,
                        Review review, SamePersonCheck samePerson) {

    public record Review(String verdict, String comment, String supervisorIin, String supervisorName,
                         Instant reviewedAt) {
    }
}
