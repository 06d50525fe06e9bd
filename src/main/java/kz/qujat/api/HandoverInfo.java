package kz.qujat.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A document at a registration point, as the clerk looks it up by ticket number. {@code oldDocumentNumber} is
 * the number of the card being replaced, as central stored it from the application, for the clerk to check
 * against the card the recipient surrenders (and for the receipt). {@code point} is the
 * registration point with its names in Russian and Kazakh (for the bilingual receipt).
 */
public record HandoverInfo(UUID applicationId, String ticketNumber, String status, String registrationPoint,
                           String surname, String givenName, String patronymic, String newDocumentNumber,
                           Instant readyAt, Instant issuedAt, String oldDocumentNumber, ApplicantStatus.Pickup point) {
    @Override
    public String toString() {
        return "HandoverInfo[ticket=" + ticketNumber + ", status=" + status + "]";
    }
}
