package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import kz.qujat.domain.Lifecycle.Event;
import kz.qujat.domain.Status;
import kz.qujat.store.Database;

/**
 * The outbox to the production node. Due rows are locked ({@code FOR UPDATE SKIP LOCKED}) while they are
 * sent, so several relays never send the same row at once; a crash before the mark leaves the row due, and
 * the production node deduplicates the repeat.
 */
public final class OutboxStore {
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);
    private final Jdbc jdbc;

    /** A due row: the application and the ProductionOrder JSON. */
    public record Due(long id, UUID applicationId, String payload, int attempts) {
        @Override
        public String toString() {
            return "Due[applicationId=" + applicationId + "]";
        }
    }

    /** What sending a row gave: delivered, or an error text without personal data. */
    public record Sent(boolean delivered, String error) {
    }

    public OutboxStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /** Sends each due row with {@code send} and records the outcome; returns how many were delivered. */
    public int sendDue(Instant now, int limit, Function<Due, Sent> send, java.time.Clock clock) {
        return jdbc.tx("outbox relay", c -> {
            List<Due> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, application_id, payload::text, attempts FROM outbox"
                    + " WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"
                    + " FOR UPDATE SKIP LOCKED")) {
                Jdbc.bind(ps, now, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4)));
                    }
                }
            }
            int delivered = 0;
            for (Due d : due) {
                Sent sent = send.apply(d);
                Instant at = clock.instant();
                if (sent.delivered()) {
                    Jdbc.update(c, "UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL"
                            + " WHERE id = ?", at, d.id());
                    if (Transitions.lockStatus(c, d.applicationId()) == Status.APPROVED) {
                        Transitions.apply(c, d.applicationId(), Status.APPROVED, Event.PRODUCTION_ACCEPTED, null,
                                "accepted by the production node", at);
                    }
                    delivered++;
                } else {
                    Jdbc.update(c, "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                            + " WHERE id = ?", at.plus(backoff(d.attempts() + 1)), sent.error(), d.id());
                }
            }
            return delivered;
        });
    }

    /** 1 s after the first failure, doubling, at most 60 s. */
    static Duration backoff(int failures) {
        if (failures >= 7) {
            return MAX_RETRY;
        }
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.max(0, failures - 1));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }
}
