package kz.qujat.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A certified application forwarded from the central service to the production node: the form, the
 * images, and the officer's signed decision, so that the node can verify everything again by itself.
 */
public record ProductionOrder(UUID applicationId, String ticketNumber, String registrationPoint, JsonNode form,
                              String photo, String signature, String decisionDocument, String decisionCms) {
    @Override
    public String toString() {
        return "ProductionOrder[applicationId=" + applicationId + "]";
    }
}
