package kz.qujat.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * What the officer signs (API.md): binds the decision to exactly the form, photo and signature the officer
 * saw. {@link #canonicalBytes()} gives the RFC 8785 bytes that are signed and sent.
 */
public record DecisionDocument(
        UUID applicationId,
        String ticketNumber,
        String decision,
        String reason,
        String comment,
        String formSha256,
        String photoSha256,
        String signatureSha256,
        String policyVersion,
        String officerIin,
        Instant decidedAt) {

    public static final String APPROVE = "APPROVE";
    public static final String ANNUL = "ANNUL";

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("applicationId", applicationId.toString());
        n.put("ticketNumber", ticketNumber);
        n.put("decision", decision);
        n.put("reason", reason);
        n.put("comment", comment);
        n.put("formSha256", formSha256);
        n.put("photoSha256", photoSha256);
        n.put("signatureSha256", signatureSha256);
        n.put("policyVersion", policyVersion);
        n.put("officerIin", officerIin);
        n.put("decidedAt", decidedAt.toString());
        return n;
    }

    public byte[] canonicalBytes() {
        return Canonical.bytes(toJson());
    }

    /** Shared: a mapper is thread-safe once configured, and making one per document cost more than reading it. */
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = Json.mapper();

    /** Reads a document from its bytes; every field must be present (null where the API allows null). */
    public static DecisionDocument parse(byte[] bytes) {
        try {
            return parse(MAPPER.readTree(bytes));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("decision document is not valid JSON of the agreed shape", e);
        }
    }

    /** As {@link #parse(byte[])}, from the document already read as JSON. */
    public static DecisionDocument parse(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("decision document is not a JSON object");
            }
            for (String f : new String[] {"applicationId", "ticketNumber", "decision", "reason", "comment",
                    "formSha256", "photoSha256", "signatureSha256", "policyVersion", "officerIin", "decidedAt"}) {
                if (!node.has(f)) {
                    throw new IllegalArgumentException("decision document lacks " + f);
                }
            }
            if (node.size() != 11) {
                throw new IllegalArgumentException("decision document has unknown fields");
            }
            return new DecisionDocument(UUID.fromString(node.get("applicationId").asText()),
                    text(node, "ticketNumber"), text(node, "decision"), text(node, "reason"), text(node, "comment"),
                    text(node, "formSha256"), text(node, "photoSha256"), text(node, "signatureSha256"),
                    text(node, "policyVersion"), text(node, "officerIin"),
                    Instant.parse(node.get("decidedAt").asText()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("decision document is not valid JSON of the agreed shape", e);
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node, String field) {
        var v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public String toString() {
        return "DecisionDocument[applicationId=" + applicationId + ", decision=" + decision + "]";
    }
}
