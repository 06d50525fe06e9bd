package kz.qujat.central.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import kz.qujat.api.Json;

/**
 * The exported audit log, one JSON object a line: a header, every row ({@code "type":"row"}) in chain order,
 * then the checkpoints ({@code "type":"checkpoint"}, signature base64). Kept outside the database (write-once
 * storage, another organisation), it lets `audit verify --file` prove what the database said when exported.
 */
public final class AuditExport {
    public static final String FORMAT = "qujat-audit-1";
    private static final ObjectMapper MAPPER = Json.mapper();

    private AuditExport() {
    }

    public static void header(Writer out) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", "header");
        n.put("format", FORMAT);
        line(out, n);
    }

    public static void row(Writer out, AuditRow r) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", "row");
        n.put("seq", r.seq());
        n.put("at", r.at().toString());
        n.put("kind", r.kind());
        n.put("applicationId", r.applicationId() == null ? null : r.applicationId().toString());
        n.put("actor", r.actorIin());
        n.put("detail", r.detail());
        n.put("prevHash", r.prevHash());
        n.put("hash", r.hash());
        line(out, n);
    }

    public static void checkpoint(Writer out, AuditCheckpoint cp) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", "checkpoint");
        n.put("seq", cp.seq());
        n.put("hash", cp.hash());
        n.put("at", cp.at().toString());
        n.put("signature", Base64.getEncoder().encodeToString(cp.signature()));
        line(out, n);
    }

    private static void line(Writer out, JsonNode n) throws IOException {
        out.write(MAPPER.writeValueAsString(n));
        out.write('\n');
    }

    /** Reads an export into {@code rows} and {@code checkpoints}; a malformed line is refused with its number. */
    public static void read(BufferedReader in, List<AuditRow> rows, List<AuditCheckpoint> checkpoints) throws IOException {
        String line;
        int no = 0;
        boolean header = false;
        while ((line = in.readLine()) != null) {
            no++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = MAPPER.readTree(line);
                switch (n.path("type").asText()) {
                    case "header" -> {
                        if (!FORMAT.equals(n.path("format").asText())) {
                            throw new IOException("not a " + FORMAT + " export");
                        }
                        header = true;
                    }
                    case "row" -> rows.add(new AuditRow(n.get("seq").asLong(), Instant.parse(n.get("at").asText()),
                            n.get("kind").asText(), n.get("applicationId").isNull() ? null
                                    : UUID.fromString(n.get("applicationId").asText()),
                            n.get("actor").isNull() ? null : n.get("actor").asText(), n.get("detail").asText(),
                            n.get("prevHash").asText(), n.get("hash").asText()));
                    case "checkpoint" -> checkpoints.add(new AuditCheckpoint(n.get("seq").asLong(),
                            n.get("hash").asText(), Instant.parse(n.get("at").asText()),
                            Base64.getDecoder().decode(n.get("signature").asText())));
                    default -> throw new IOException("unknown line type");
                }
            } catch (IOException | RuntimeException e) {
                throw new IOException("line " + no + ": " + e.getMessage(), e);
            }
        }
        if (!header) {
            throw new IOException("no header line: not an audit export");
        }
        rows.sort((a, b) -> Long.compare(a.seq(), b.seq()));
    }
}
