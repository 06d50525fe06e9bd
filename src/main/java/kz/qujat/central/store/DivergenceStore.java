package kz.qujat.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qujat.store.Database;

/**
 * Divergences between central and production flagged for a person (one open row per application and kind),
 * and central's side of the reconciliation: every application that is, or should be, at production.
 */
public final class DivergenceStore {
    private final Jdbc jdbc;

    /** An open flag. {@code detail} holds statuses and card numbers, never personal data. */
    public record Flag(UUID applicationId, String kind, String detail, Instant detectedAt, Instant lastSeenAt) {
    }

    /** What central holds of one application for the comparison. */
    public record CentralSide(UUID applicationId, String status, String documentNumber, int readyTransitions,
                              boolean outboxDelivered, boolean inOutbox) {
    }

    public DivergenceStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** Flags a divergence, or notes that an open one was seen again. */
    public void flag(UUID applicationId, String kind, String detail, Instant now) {
        jdbc.tx("flag divergence", c -> {
            flag(c, applicationId, kind, detail, now);
            return null;
        });
    }

    static void flag(Connection c, UUID applicationId, String kind, String detail, Instant now) throws SQLException {
        int updated = Jdbc.update(c, "UPDATE divergence SET last_seen_at = ?, detail = ? WHERE application_id = ?"
                + " AND kind = ? AND resolved_at IS NULL", now, detail, applicationId, kind);
        if (updated == 0) {
            Jdbc.update(c, "INSERT INTO divergence (application_id, kind, detail, detected_at, last_seen_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", applicationId, kind, detail, now, now);
        }
    }

    public List<Flag> open() {
        return jdbc.tx("open divergences", c -> {
            List<Flag> flags = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT application_id, kind, detail, detected_at,"
                    + " last_seen_at FROM divergence WHERE resolved_at IS NULL ORDER BY detected_at, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    flags.add(new Flag(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            Jdbc.instant(rs.getTimestamp(4)), Jdbc.instant(rs.getTimestamp(5))));
                }
            }
            return flags;
        });
    }

    /**
     * Central's side: every application approved or beyond, every one with an outbox row, and the given ids
     * (those production holds), by id.
     */
    public Map<UUID, CentralSide> centralSide(Collection<UUID> alsoThese) {
        return jdbc.tx("reconciliation view", c -> {
            Map<UUID, CentralSide> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.status, a.new_document_number,"
                    + " (SELECT count(*) FROM history h WHERE h.application_id = a.id AND h.to_status = 'READY_FOR_PICKUP'),"
                    + " bool_or(o.delivered_at IS NOT NULL), count(o.application_id) > 0"
                    + " FROM application a LEFT JOIN outbox o ON o.application_id = a.id"
                    + " WHERE a.status IN ('APPROVED', 'IN_PRODUCTION', 'READY_FOR_PICKUP', 'ISSUED')"
                    + " OR o.application_id IS NOT NULL OR a.id = ANY (?) GROUP BY a.id")) {
                ps.setArray(1, c.createArrayOf("uuid", alsoThese.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        rows.put(id, new CentralSide(id, rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getBoolean(5), rs.getBoolean(6)));
                    }
                }
            }
            return rows;
        });
    }
}
