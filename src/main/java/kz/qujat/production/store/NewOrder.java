package kz.qujat.production.store;

import java.time.Instant;
import java.util.UUID;

/** A verified order about to be stored; {@code payloadJson} is the order as received. */
public record NewOrder(UUID applicationId, String ticketNumber, String registrationPoint, String officerIin,
                       String payloadJson, Instant receivedAt, Instant produceAfter) {
    @Override
    public String toString() {
        return "NewOrder[applicationId=" + applicationId + "]";
    }
}
