package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import kz.qujat.domain.Lifecycle.Event;
import kz.qujat.domain.Status;
import kz.qujat.store.Database;

/** The end of the lifecycle: the production node's ready report, and the clerk's handover (R11). */
public final class PickupStore {
    private final Jdbc jdbc;

    /** ALREADY: the same report again; CONFLICT: ready already with another card number (flagged). */
    public enum Outcome { DONE, ALREADY, CONFLICT, NOT_FOUND, WRONG_POINT, WRONG_STATUS }

    public record Result(Outcome outcome, Status status) {
    }

    private final NoticeTexts notices;

    public PickupStore(Database database, NoticeTexts notices) {
        this.jdbc = new Jdbc(database);
        this.notices = notices;
    }

    /**
     * Records a document ready at its registration point. An application whose production acknowledgement
     * was not recorded yet (the relay crashed after sending) passes through IN_PRODUCTION first. A repeat of
     * the report changes nothing.
     */
    public Result ready(UUID id, String registrationPoint, String newDocumentNumber, Instant readyAt, Instant now) {
        return jdbc.tx("ready report", c -> {
            String point;
            Status status;
            String number;
            try (PreparedStatement ps = c.prepareStatement("SELECT status, registration_point, new_document_number"
                    + " FROM application WHERE id = ? FOR UPDATE")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Result(Outcome.NOT_FOUND, null);
                    }
                    status = Status.valueOf(rs.getString(1));
                    point = rs.getString(2);
                    number = rs.getString(3);
                }
            }
            // every report that conflicts with what central holds is flagged for a person in the same
            // transaction that refuses it; a plain repeat of the same report is not a conflict
            if (!point.equals(registrationPoint)) {
                DivergenceStore.flag(c, id, "READY_REPORT_CONFLICT", "ready report for point " + registrationPoint
                        + ", central holds point " + point, now);
                return new Result(Outcome.WRONG_POINT, status);
            }
            if (status == Status.READY_FOR_PICKUP || status == Status.ISSUED) {
                if (newDocumentNumber.equals(number)) {
                    return new Result(Outcome.ALREADY, status);
                }
                DivergenceStore.flag(c, id, "TWO_CARD_NUMBERS", "ready report with card " + newDocumentNumber
                        + ", central holds card " + number + " (" + status + ")", now);
                return new Result(Outcome.CONFLICT, status);
            }
            if (status == Status.APPROVED) {
                status = Transitions.apply(c, id, status, Event.PRODUCTION_ACCEPTED, null, "ready report", now);
                Jdbc.update(c, "UPDATE outbox SET delivered_at = ? WHERE application_id = ? AND delivered_at IS NULL",
                        now, id);
            }
            if (status != Status.IN_PRODUCTION) {
                DivergenceStore.flag(c, id, "READY_REPORT_CONFLICT", "ready report with card " + newDocumentNumber
                        + ", central holds status " + status, now);
                return new Result(Outcome.WRONG_STATUS, status);
            }
            status = Transitions.apply(c, id, status, Event.READY, null, "document " + newDocumentNumber, now);
            Jdbc.update(c, "UPDATE application SET new_document_number = ?, ready_at = ? WHERE id = ?",
                    newDocumentNumber, readyAt, id);
            Notices.write(c, notices, id, "READY_FOR_PICKUP", now);
            return new Result(Outcome.DONE, status);
        });
    }

    /** Hands the document over; only at its registration point and only when it is ready. */
    public Result handOver(String ticketNumber, String clerkPoint, String clerkIin, String comment, Instant now) {
        return jdbc.tx("handover", c -> {
            UUID id;
            Status status;
            String point;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, status, registration_point FROM application"
                    + " WHERE ticket_number = ? FOR UPDATE")) {
                ps.setString(1, ticketNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Result(Outcome.NOT_FOUND, null);
                    }
                    id = rs.getObject(1, UUID.class);
                    status = Status.valueOf(rs.getString(2));
                    point = rs.getString(3);
                }
            }
            if (!point.equals(clerkPoint)) {
                return new Result(Outcome.WRONG_POINT, status);
            }
            if (status != Status.READY_FOR_PICKUP) {
                return new Result(Outcome.WRONG_STATUS, status);
            }
            Status next = Transitions.apply(c, id, status, Event.HAND_OVER, clerkIin,
                    comment == null ? "identity checked, old card surrendered"
                            : "identity checked, old card surrendered; " + comment, now);
            Jdbc.update(c, "UPDATE application SET issued_at = ?, issued_by = ? WHERE id = ?", now, clerkIin, id);
            Notices.write(c, notices, id, "ISSUED", now);
            return new Result(Outcome.DONE, next);
        });
    }
}
