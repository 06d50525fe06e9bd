package kz.qujat.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything the officer reviews. {@code form} is kept as a JSON tree so that a client hashes exactly the
 * bytes the server sent (formSha256), whatever its own records would serialise. {@code samePerson} is the
 * same-person check computed at intake (null for applications stored before it existed).
 */
public record ApplicationDetail(
        UUID id,
        String ticketNumber,
        String status,
        String region,
        JsonNode form,
        Instant submittedAt,
        String policyVersion,
        EligibilityInfo eligibility,
        RegistryRecord registry,
        Claim claimedBy,
        List<HistoryEntry> history,
        String photoSha256,
        String signatureSha256,
        SamePersonCheck samePerson) {

    /**
     * The application against the rules on the day of its request (R3 counts from that day, as intake did):
     * {@code daysFromExpiry} and {@code eligibleOnRequestDay} both refer to it, however long it waited since.
     */
    public record EligibilityInfo(LocalDate expiryDate, long daysFromExpiry, boolean eligibleOnRequestDay, String rule) {
    }

    /** What the population register holds for the applicant; {@code found} false when it has no record. */
    public record RegistryRecord(boolean found, String surname, String givenName, String patronymic,
                                 LocalDate birthDate, String currentDocumentNumber, LocalDate currentDocumentExpiry,
                                 boolean hasPhoto, boolean hasSignature) {
    }

    public record Claim(String officerIin, String officerName, Instant claimedAt, Instant expiresAt) {
    }

    public record HistoryEntry(Instant at, String event, String fromStatus, String toStatus, String actorIin,
                               String actorName, String note) {
    }

    @Override
    public String toString() {
        return "ApplicationDetail[id=" + id + ", status=" + status + "]";
    }
}
