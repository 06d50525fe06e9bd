package kz.qujat.api;

import java.time.Instant;

/**
 * What the portal shows an applicant who gives the ticket number and their IIN: the status and, for an annulment,
 * the reason and the next step (R10), for a ready card the registration point. Nothing else about the person.
 */
public record ApplicantStatus(String ticketNumber, String status, LocalizedText statusText, Annulment annulment,
                              Pickup pickup, Instant updatedAt) {

    /** {@code nextStep}: APPLY_AGAIN_ONLINE (photo, signature) or GO_TO_SERVICE_CENTRE (further verification). */
    public record Annulment(String reason, LocalizedText reasonText, String nextStep, LocalizedText nextStepText) {
    }

    public record Pickup(String code, LocalizedText name, LocalizedText address, LocalizedText hours) {
    }
}
