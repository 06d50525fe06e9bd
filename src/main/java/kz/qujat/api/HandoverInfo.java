package kz.qujat.api;

import java.time.Instant;
import java.util.UUID;

/** A document at a registration point, as the clerk looks it up by ticket number. */
public record HandoverInfo(UUID applicationId, String ticketNumber, String status, String registrationPoint,
                           String surname, String givenName, String patronymic, String newDocumentNumber,
                           Instant readyAt, Instant issuedAt) {
    @Override
    public String toString() {
        return "HandoverInfo[ticket=" + ticketNumber + ", status=" + status + "]";
    }
}
