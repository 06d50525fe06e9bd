package kz.qujat.central.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.Canonical;
import kz.qujat.api.Json;

/**
 * The hash of the audit chain: SHA-256 over the previous row's hash, a line feed and the RFC 8785 form of the
 * row's content ({@code seq, at, kind, applicationId, actor, detail}). Times are kept to the microsecond, as
 * PostgreSQL stores them, so a row read back hashes the same.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper MAPPER = Json.mapper();

    private AuditChain() {
    }

    public static Instant time(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String hash(String prevHash, long seq, Instant at, String kind, UUID applicationId, String actorIin,
                              String detail) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("seq", seq);
        n.put("at", DateTimeFormatter.ISO_INSTANT.format(time(at)));
        n.put("kind", kind);
        n.put("applicationId", applicationId == null ? null : applicationId.toString());
        n.put("actor", actorIin == null ? null : actorIin.trim());
        n.put("detail", detail);
        return Canonical.sha256Hex((prevHash + "\n" + Canonical.string(n)).getBytes(StandardCharsets.UTF_8));
    }

    /** The hash the row should have given its own content and the previous hash it names. */
    public static String expected(AuditRow r) {
        return hash(r.prevHash(), r.seq(), r.at(), r.kind(), r.applicationId(), r.actorIin(), r.detail());
    }

    /** The canonical JSON of an event's detail (null values dropped). */
    public static String detail(Map<String, ?> fields) {
        ObjectNode n = MAPPER.createObjectNode();
        fields.forEach((k, v) -> {
            if (v != null) {
                n.set(k, MAPPER.valueToTree(v instanceof Enum<?> e ? e.name() : v.toString()));
            }
        });
        return Canonical.string(n);
    }

    /** What a checkpoint signs: {@code {"at","hash","seq"}} canonical, UTF-8. */
    public static byte[] checkpointDocument(long seq, String hash, Instant at) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("seq", seq);
        n.put("hash", hash);
        n.put("at", DateTimeFormatter.ISO_INSTANT.format(time(at)));
        return Canonical.bytes(n);
    }
}
