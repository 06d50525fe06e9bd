package kz.qujat.api;

/**
 * The same-person check computed at intake (is the submitted photo the same person as the register's photo of
 * the card being replaced?), as stored with the other checks: {@code verdict} SAME, UNSURE, DIFFERENT or
 * NOT_MEASURED; {@code distance} of the two face descriptors (null when not measured); the thresholds it was
 * judged by; {@code messageKey} the explanation (for NOT_MEASURED, why). An aid for the officer, never a decision.
 */
public record SamePersonCheck(String verdict, Double distance, Double sameAtMost, Double differentAbove,
                              String messageKey) {

    /**
     * The check held under {@code samePerson} in a JSON object (the checks stored at intake, or a decision's
     * inspection note); null when {@code json} is null, not JSON, or holds none.
     */
    public static SamePersonCheck within(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode n = Json.mapper().readTree(json).get("samePerson");
            if (n == null || !n.isObject() || !n.hasNonNull("verdict")) {
                return null;
            }
            Double distance = n.hasNonNull("distance") ? n.get("distance").asDouble() : null;
            Double same = n.hasNonNull("sameAtMost") ? n.get("sameAtMost").asDouble() : null;
            Double different = n.hasNonNull("differentAbove") ? n.get("differentAbove").asDouble() : null;
            String key = n.hasNonNull("messageKey") ? n.get("messageKey").asText() : null;
            return new SamePersonCheck(n.get("verdict").asText(), distance, same, different, key);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
