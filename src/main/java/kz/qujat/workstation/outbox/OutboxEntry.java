package kz.qujat.workstation.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One signed decision waiting in the outbox: the exact document bytes and the CMS over them (base64), for
 * whom and which application, and how delivery has gone so far.
 */
public record OutboxEntry(UUID applicationId, String ticketNumber, String decision, String officerIin,
                          String document, String cms, Instant signedAt, int attempts, String lastError) {
    public OutboxEntry failedOnce(String error) {
        return new OutboxEntry(applicationId, ticketNumber, decision, officerIin, document, cms, signedAt,
                attempts + 1, error);
    }

    @Override
    public String toString() {
        return "OutboxEntry[" + applicationId + ", " + decision + ", attempts=" + attempts + "]";
    }
}
