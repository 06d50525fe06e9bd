package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qujat.domain.Lifecycle.Event;
import kz.qujat.domain.Status;
import kz.qujat.store.Database;

/**
 * The outbox to the production node. Due rows are leased under {@code FOR UPDATE SKIP LOCKED}, so several
 * relays never send the same row at once; a crash before the mark leaves the row due again, and the
 * production node deduplicates the repeat.
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

    public OutboxStore(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /**
     * Leases up to {@code limit} due rows: they are locked ({@code FOR UPDATE SKIP LOCKED}) only for this short
     * transaction and pushed {@code lease} into the future, so no network call happens inside a transaction and
     * another relay does not pick them up while they are being sent. A relay that dies before
     * {@link #delivered} leaves them due again when the lease ends.
     */
    public List<Due> lease(Instant now, int limit, Duration lease) {
        return jdbc.tx("outbox lease", c -> {
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
            for (Due d : due) {
                Jdbc.update(c, "UPDATE outbox SET next_attempt_at = ? WHERE id = ?", now.plus(lease), d.id());
            }
            return due;
        });
    }

    /** Marks the row delivered and the application IN_PRODUCTION, in one transaction; a repeat changes nothing. */
    public void delivered(Due d, Instant at) {
        jdbc.tx("outbox delivered", c -> {
            int rows = Jdbc.update(c, "UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL"
                    + " WHERE id = ? AND delivered_at IS NULL", at, d.id());
            if (rows == 1 && Transitions.lockStatus(c, d.applicationId()) == Status.APPROVED) {
                Transitions.apply(c, d.applicationId(), Status.APPROVED, Event.PRODUCTION_ACCEPTED, null,
                        "accepted by the production node", at);
            }
            return null;
        });
    }

    /** Records a failed attempt and schedules the next one with exponential backoff. */
    public void failed(Due d, String error, Instant at) {
        jdbc.tx("outbox failure", c -> Jdbc.update(c, "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?,"
                + " last_error = ? WHERE id = ? AND delivered_at IS NULL", at.plus(backoff(d.attempts() + 1)), error, d.id()));
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
