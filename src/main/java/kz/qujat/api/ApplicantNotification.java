package kz.qujat.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification to an applicant, as a channel adapter receives it (e-gov cabinet by IIN, SMS by phone when
 * the form gave one). {@code kind}: ANNULLED, READY_FOR_PICKUP or ISSUED; {@code id} makes a repeat recognisable.
 */
public record ApplicantNotification(long id, UUID applicationId, String ticketNumber, String kind, Recipient recipient,
                                    LocalizedText text, Instant createdAt) {

    public record Recipient(String iin, String phone) {
        @Override
        public String toString() {
            return "Recipient[...]";
        }
    }
}
