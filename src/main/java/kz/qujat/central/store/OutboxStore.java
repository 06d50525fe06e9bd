package kz.qujat.central.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.qujat.domain.Lifecycle.Event;
import kz.qujat.domain.Region;
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

    /**
     * A leased row: the application, the ProductionOrder JSON, and when this relay's lease on it ends
     * ({@code leaseUntil}, to the microsecond PostgreSQL keeps: it also tells this lease from a later one).
     */
    public record Due(long id, UUID applicationId, String payload, int attempts, Instant leaseUntil) {
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
            try (PreparedStatement ps = c.prepareStatement("SELECT id, application_id, payload, attempts FROM outbox"
                    + " WHERE delivered_at IS NULL AND parked_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"
                    + " FOR UPDATE SKIP LOCKED")) {
                Jdbc.bind(ps, now, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), null));
                    }
                }
            }
            Instant until = leaseEnd(now, lease);
            List<Due> leased = new ArrayList<>();
            for (Due d : due) {
                Jdbc.update(c, "UPDATE outbox SET next_attempt_at = ? WHERE id = ?", until, d.id());
                leased.add(new Due(d.id(), d.applicationId(), d.payload(), d.attempts(), until));
            }
            return leased;
        });
    }

    /**
     * Extends this relay's lease on {@code d} to {@code lease} from {@code now}, before a further request of the
     * same send (a send may take several: the order, the images production asks for, the order again); the row
     * with its new lease, or null when the lease is no longer this relay's (it ended and another relay leased the
     * row, or the row was delivered or parked meanwhile): the send must then stop.
     */
    public Due renew(Due d, Instant now, Duration lease) {
        Instant until = leaseEnd(now, lease);
        int n = jdbc.tx("outbox lease renewal", c -> Jdbc.update(c, "UPDATE outbox SET next_attempt_at = ? WHERE id = ?"
                + " AND delivered_at IS NULL AND parked_at IS NULL AND next_attempt_at = ?", until, d.id(), d.leaseUntil()));
        return n == 1 ? new Due(d.id(), d.applicationId(), d.payload(), d.attempts(), until) : null;
    }

    /** The end of a lease taken at {@code now}, to the microsecond, as PostgreSQL stores it. */
    private static Instant leaseEnd(Instant now, Duration lease) {
        return now.plus(lease).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * Marks the row delivered and the application IN_PRODUCTION, in one transaction; a repeat changes nothing.
     * Returns when the order entered the outbox (the approval), or null when it was already marked.
     */
    public Instant delivered(Due d, Instant at) {
        return jdbc.tx("outbox delivered", c -> {
            Instant created = null;
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET delivered_at = ?, attempts = attempts + 1,"
                    + " last_error = NULL WHERE id = ? AND delivered_at IS NULL RETURNING created_at")) {
                Jdbc.bind(ps, at, d.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        created = Jdbc.instant(rs.getTimestamp(1));
                    }
                }
            }
            if (created != null && Transitions.lockStatus(c, d.applicationId()) == Status.APPROVED) {
                Transitions.apply(c, d.applicationId(), Status.APPROVED, Event.PRODUCTION_ACCEPTED, null,
                        "accepted by the production node", at);
            }
            return created;
        });
    }

    /**
     * Production refused the order (HTTP 422): counted; after {@code maxRefusals} refusals in a row the row is
     * parked (no more attempts) for a supervisor, else retried with backoff. Returns true when it was parked now.
     * Only while {@code d}'s lease is still this relay's: once another relay has leased the row, its own attempt
     * counts, and this one must not overwrite its lease with a backoff.
     */
    public boolean refused(Due d, String error, Instant at, int maxRefusals) {
        return jdbc.tx("outbox refusal", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1,"
                    + " refusals = refusals + 1, last_error = ?, next_attempt_at = ?,"
                    + " parked_at = CASE WHEN refusals + 1 >= CAST(? AS integer) THEN CAST(? AS timestamptz) ELSE NULL END"
                    + " WHERE id = ? AND delivered_at IS NULL AND next_attempt_at = ? RETURNING parked_at")) {
                Jdbc.bind(ps, error, at.plus(backoff(d.attempts() + 1)), maxRefusals, at, d.id(), d.leaseUntil());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getTimestamp(1) != null;
                }
            }
        });
    }

    /** A parked order as a supervisor sees it. */
    public record Parked(UUID applicationId, String ticketNumber, Region region, Instant approvedAt, int attempts,
                         int refusals, String lastError, Instant parkedAt, String retriedBy, Instant retriedAt) {
    }

    /** Parked orders of a region, or of every region when {@code region} is null; oldest first. */
    public List<Parked> parked(Region region, int limit) {
        return jdbc.tx("outbox parked", c -> {
            List<Parked> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT o.application_id, a.ticket_number, a.region,"
                    + " o.created_at, o.attempts, o.refusals, o.last_error, o.parked_at, o.retried_by, o.retried_at"
                    + " FROM outbox o JOIN application a ON a.id = o.application_id"
                    + " WHERE o.parked_at IS NOT NULL AND o.delivered_at IS NULL AND (?::text IS NULL OR a.region = ?)"
                    + " ORDER BY o.parked_at, o.id LIMIT ?")) {
                String r = region == null ? null : region.name();
                Jdbc.bind(ps, r, r, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Parked(rs.getObject(1, UUID.class), rs.getString(2), Region.valueOf(rs.getString(3)),
                                Jdbc.instant(rs.getTimestamp(4)), rs.getInt(5), rs.getInt(6), rs.getString(7),
                                Jdbc.instant(rs.getTimestamp(8)), rs.getString(9), Jdbc.instant(rs.getTimestamp(10))));
                    }
                }
            }
            return out;
        });
    }

    /**
     * A supervisor sends a parked order again: unparked, its refusals counted afresh, due now; recorded with who
     * and when. False when no parked order of that application is in the region (null: any region).
     */
    public boolean retry(UUID applicationId, Region region, String supervisorIin, Instant at) {
        return jdbc.tx("outbox retry", c -> Jdbc.update(c, "UPDATE outbox o SET parked_at = NULL, refusals = 0,"
                + " next_attempt_at = ?, retried_by = ?, retried_at = ? FROM application a"
                + " WHERE a.id = o.application_id AND o.application_id = ? AND o.parked_at IS NOT NULL"
                + " AND o.delivered_at IS NULL AND (?::text IS NULL OR a.region = ?)",
                at, supervisorIin, at, applicationId, region == null ? null : region.name(),
                region == null ? null : region.name()) == 1);
    }

    /**
     * The image of the order's application named by {@code sha256} (its photo or its signature), for production
     * when it asks for an image it does not hold; empty when the application has no image of that hash.
     */
    public java.util.Optional<byte[]> image(UUID applicationId, String sha256) {
        return jdbc.tx("outbox image", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN photo_sha256 = ? THEN photo"
                    + " WHEN signature_sha256 = ? THEN signature END FROM application WHERE id = ?")) {
                Jdbc.bind(ps, sha256, sha256, applicationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.ofNullable(rs.getBytes(1)) : java.util.Optional.<byte[]>empty();
                }
            }
        });
    }

    /**
     * Records a failed attempt and schedules the next one with exponential backoff; only while {@code d}'s lease is
     * still this relay's (as {@link #refused}). Returns whether it was recorded.
     */
    public boolean failed(Due d, String error, Instant at) {
        return jdbc.tx("outbox failure", c -> Jdbc.update(c, "UPDATE outbox SET attempts = attempts + 1,"
                + " next_attempt_at = ?, last_error = ? WHERE id = ? AND delivered_at IS NULL AND next_attempt_at = ?",
                at.plus(backoff(d.attempts() + 1)), error, d.id(), d.leaseUntil())) == 1;
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
