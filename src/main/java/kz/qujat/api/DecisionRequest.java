package kz.qujat.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code document}: base64 of the canonical decision document; {@code cms}: base64 DER detached CMS over it.
 * {@code inspection} (optional, not signed) is what the officer's photo and signature checks showed when
 * deciding, e.g. {@code {"facePoints": "MANUAL", "checks": [...]}}; it is stored with the decision so
 * that a supervisor can see whether the eye points were clicked by hand.
 */
public record DecisionRequest(String document, String cms, JsonNode inspection) {
    public DecisionRequest(String document, String cms) {
        this(document, cms, null);
    }
}
