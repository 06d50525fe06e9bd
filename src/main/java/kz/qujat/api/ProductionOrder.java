package kz.qujat.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A certified application forwarded from the central service to the production node: the form, the images
 * (by SHA-256), and the officer's signed decision, so that the node can verify everything again by itself.
 * Central sends the images by reference only ({@code photo} and {@code signature} null): production keeps each
 * image once by its hash and answers {@link #MISSING_IMAGES} (HTTP 409, the missing hashes as field errors) when
 * it does not hold one yet; central then PUTs it to {@link Paths#PRODUCTION_IMAGE} and sends the order again.
 * An order may still carry an image inline (base64), as orders did before images were sent by reference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductionOrder(UUID applicationId, String ticketNumber, String registrationPoint, JsonNode form,
                              String photo, String signature, String decisionDocument, String decisionCms,
                              String photoSha256, String signatureSha256) {
    /** The problem code production answers with when it lacks an image the order names. */
    public static final String MISSING_IMAGES = "MISSING_IMAGES";

    /** An order with its images inline (base64), as before images were sent by reference. */
    public ProductionOrder(UUID applicationId, String ticketNumber, String registrationPoint, JsonNode form,
                           String photo, String signature, String decisionDocument, String decisionCms) {
        this(applicationId, ticketNumber, registrationPoint, form, photo, signature, decisionDocument, decisionCms,
                null, null);
    }

    /** An order naming its images by SHA-256 only. */
    public static ProductionOrder byReference(UUID applicationId, String ticketNumber, String registrationPoint,
                                              JsonNode form, String decisionDocument, String decisionCms,
                                              String photoSha256, String signatureSha256) {
        return new ProductionOrder(applicationId, ticketNumber, registrationPoint, form, null, null, decisionDocument,
                decisionCms, photoSha256, signatureSha256);
    }

    @Override
    public String toString() {
        return "ProductionOrder[applicationId=" + applicationId + "]";
    }
}
