package kz.qujat.workstation.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One signed decision waiting in the outbox: the exact document bytes and the CMS over them (base64), for
 * whom and which application, how delivery has gone so far, and the officer's inspection note sent with it
 * unsigned ({@code inspection}; absent in files written before it existed, which are delivered without it).
 */
public record OutboxEntry(UUID applicationId, String ticketNumber, String decision, String officerIin,
                          String document, String cms, Instant signedAt, int attempts, String lastError,
                          JsonNode inspection) {
    public OutboxEntry failedOnce(String error) {
        return new OutboxEntry(applicationId, ticketNumber, decision, officerIin, document, cms, signedAt,
                attempts + 1, error, inspection);
    }

    @Override
    public String toString() {
        return "OutboxEntry[" + applicationId + ", " + decision + ", attempts=" + attempts + "]";
    }
}
