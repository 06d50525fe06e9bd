package kz.qujat.production.store;

import java.time.Instant;
import java.util.UUID;

/** A document made and waiting to be reported to the central service as ready at its registration point. */
public record ProducedDocument(UUID applicationId, String registrationPoint, String documentNumber,
                               Instant producedAt, int reportAttempts) {
}
