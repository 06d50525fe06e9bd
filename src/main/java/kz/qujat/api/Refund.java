package kz.qujat.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A fee owed back to an applicant after an annulment (R10), with what a refund order needs: who (IIN and name),
 * how much, the original fee payment to reverse; and, once paid, the payment reference and who recorded it.
 */
public record Refund(UUID applicationId, String ticketNumber, String region, String reason, Instant annulledAt,
                     long amountTiyn, String status, Applicant applicant, String feePaymentRef, Payment payment) {

    public record Applicant(String iin, String surname, String givenName, String patronymic) {
        @Override
        public String toString() {
            return "Applicant[...]";
        }
    }

    public record Payment(String reference, LocalDate paidOn, String recordedBy, String recordedByName,
                          Instant recordedAt) {
    }
}
