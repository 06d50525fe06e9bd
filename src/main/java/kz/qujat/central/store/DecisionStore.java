package kz.qujat.central.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.Canonical;
import kz.qujat.domain.Lifecycle;
import kz.qujat.domain.Lifecycle.Event;
import kz.qujat.domain.Status;
import kz.qujat.store.Database;

/**
 * Records a verified decision in one transaction: the transition, the signed document and its CMS, and
 * either the outbox row for production (approve) or the refund owed (annul).
 */
public final class DecisionStore {
    private final Jdbc jdbc;

    public enum Outcome { DONE, NOT_FOUND, NOT_HOLDER, CLAIM_EXPIRED, WRONG_STATUS }

    public record Result(Outcome outcome, Status status) {
    }

    /** A verified decision; {@code outboxPayload} is the ProductionOrder JSON (approve only). */
    public record Decision(UUID applicationId, String decision, String reason, String comment, String officerIin,
                           Instant decidedAt, byte[] document, byte[] cms, byte[] timestampToken, byte[] ocspResponse,
                           String outboxPayload, long refundTiyn, String inspectionJson) {
    }

    private final NoticeTexts notices;

    public DecisionStore(Database database, NoticeTexts notices) {
        this.jdbc = new Jdbc(database);
        this.notices = notices;
    }

    /** The caller's checks of the application as read: the decision to record, or an exception that refuses it. */
    public interface Check {
        Decision check(ApplicationStore.Row row);
    }

    /**
     * Reads the application, lets {@code check} judge it (it throws to refuse: nothing is written), and records the
     * decision it returns. An approval takes two round trips on one pooled connection: the read (no lock, no
     * transaction), then one statement that moves the status, writes the history row, the decision, the two audit
     * events and the outbox row and commits on its own, guarded by the state the check judged (still IN_REVIEW,
     * claimed by this officer, the claim not expired), so a decision that raced another change writes nothing and
     * is told why. It took three (the read locking the row in a transaction, the statement, the commit), the row lock
     * held while the order was composed. An annulment writes more statements (the refund owed, its audit events, the
     * applicant's notice) and keeps its transaction: the row is locked and its state checked again there.
     */
    public Result decide(UUID applicationId, Check check, Instant now) {
        Judged judged = jdbc.autocommit("decision", c -> {
            ApplicationStore.Row row = ApplicationStore.find(c, applicationId).orElse(null);
            if (row == null) {
                return new Judged(new Result(Outcome.NOT_FOUND, null), null);
            }
            Decision d = check.check(row);
            Result refused = refusal(row, d, now);
            if (refused != null || !"APPROVE".equals(d.decision())) {
                return new Judged(refused, d);
            }
            Status next = Lifecycle.next(row.status(), Event.APPROVE);
            Map<String, Object> transition = transition(row.status(), next, null);
            List<Object> args = transitionArgs(row, d, next, null, now);
            // the audit events in the same statement, in this order (as Transitions and Audit.append would)
            args.addAll(Arrays.asList(Audit.row(now, Event.APPROVE.name(), d.applicationId(), d.officerIin(),
                    transition)));
            args.addAll(Arrays.asList(Audit.row(now, "DECISION_SIGNED", d.applicationId(), d.officerIin(),
                    signed(d))));
            args.addAll(List.of(d.outboxPayload(), now, now));
            if (Jdbc.update(c, APPROVE_SQL, args.toArray()) == 1) {
                Audit.written(c);
                return new Judged(new Result(Outcome.DONE, next), d);
            }
            // another change came between the read and the statement: say which, from the row as it is now
            ApplicationStore.Row now2 = ApplicationStore.find(c, applicationId).orElse(null);
            Result why = now2 == null ? new Result(Outcome.NOT_FOUND, null) : refusal(now2, d, now);
            return new Judged(why != null ? why : new Result(Outcome.WRONG_STATUS, now2.status()), d);
        });
        if (judged.result() != null) {
            return judged.result();
        }
        return annul(applicationId, judged.decision(), now);
    }

    private record Judged(Result result, Decision decision) {
    }

    /** Why {@code row} cannot take the decision {@code d} at {@code now}, or null when it can. */
    private static Result refusal(ApplicationStore.Row row, Decision d, Instant now) {
        if (row.status() != Status.IN_REVIEW) {
            return new Result(Outcome.WRONG_STATUS, row.status());
        }
        if (!d.officerIin().equals(row.claimedBy())) {
            return new Result(Outcome.NOT_HOLDER, row.status());
        }
        if (row.claimExpiresAt() == null || !row.claimExpiresAt().isAfter(now)) {
            return new Result(Outcome.CLAIM_EXPIRED, row.status());
        }
        return null;
    }

    /** An annulment, judged already: the row locked and its state checked again, then every write, in one transaction. */
    private Result annul(UUID applicationId, Decision d, Instant now) {
        return jdbc.tx("decision", c -> {
            ApplicationStore.Row row = ApplicationStore.findLocked(c, applicationId).orElse(null);
            if (row == null) {
                return new Result(Outcome.NOT_FOUND, null);
            }
            Result refused = refusal(row, d, now);
            if (refused != null) {
                return refused;
            }
            Status next = Lifecycle.next(row.status(), Event.ANNUL);
            List<Object> args = transitionArgs(row, d, next, d.reason(), now);
            args.addAll(List.of(d.refundTiyn(), now));
            if (Jdbc.update(c, ANNUL_SQL, args.toArray()) != 1) {
                throw new IllegalStateException("the locked application " + d.applicationId() + " was not updated");
            }
            Audit.append(c, now, Event.ANNUL.name(), d.applicationId(), d.officerIin(),
                    transition(row.status(), next, d.reason()));
            Audit.append(c, now, "DECISION_SIGNED", d.applicationId(), d.officerIin(), signed(d));
            Audit.append(c, now, "REFUND_OWED", d.applicationId(), null, Map.of("amountTiyn", d.refundTiyn()));
            Notices.write(c, notices, d.applicationId(), "ANNULLED", now);
            return new Result(Outcome.DONE, next);
        });
    }

    /** The parameters of {@link #TRANSITION_AND_DECISION}, in its order. */
    private static List<Object> transitionArgs(ApplicationStore.Row row, Decision d, Status next, String note,
                                               Instant now) {
        return new ArrayList<>(Arrays.asList(next, note, d.applicationId(), row.status(), d.officerIin(), now, now,
                "APPROVE".equals(d.decision()) ? Event.APPROVE.name() : Event.ANNUL.name(), row.status().name(),
                next.name(), d.officerIin(), note, d.decision(), d.reason(), d.comment(), d.officerIin(), d.decidedAt(),
                now, d.document(), d.cms(), d.timestampToken(), d.ocspResponse(), d.inspectionJson()));
    }

    private static Map<String, Object> transition(Status from, Status to, String note) {
        Map<String, Object> transition = new HashMap<>();
        transition.put("from", from);
        transition.put("to", to);
        transition.put("note", note);
        return transition;
    }

    private static Map<String, Object> signed(Decision d) {
        Map<String, Object> signed = new HashMap<>();
        signed.put("decision", d.decision());
        signed.put("reason", d.reason());
        signed.put("documentSha256", Canonical.sha256Hex(d.document()));
        signed.put("cmsSha256", Canonical.sha256Hex(d.cms()));
        return signed;
    }

    /**
     * The transition (status, and the annulment's reason; the history row), the decision row, and then the outbox
     * row of an approval or the refund owed for an annulment, in one statement: each part writes only when the status
     * update did. The update is guarded: the application must still be in the status read, claimed by the deciding
     * officer, the claim not expired. Parameters: next status, annulment reason (kept as it is when null), id, current
     * status, officer, now; history at, event, from, to, actor, note; decision, reason, comment, officer,
     * decided at, recorded at, document, CMS, time-stamp token, OCSP response, inspection; the outbox payload or
     * the refund's amount, then the outbox row's times (created, next attempt) or the refund's (created). The count
     * is of the last part's rows.
     */
    private static final String TRANSITION_AND_DECISION = "WITH moved AS (UPDATE application SET status = ?::text,"
            + " annul_reason = COALESCE(?::text, annul_reason) WHERE id = ?::uuid AND status = ?::text"
            + " AND claimed_by = ?::text AND claim_expires_at > ?::timestamptz RETURNING id),"
            + " history_row AS (INSERT INTO history (application_id, at, event, from_status, to_status, actor_iin,"
            + " note) SELECT id, ?::timestamptz, ?::text, ?::text, ?::text, ?::text, ?::text FROM moved),"
            + " decision_row AS (INSERT INTO decision (application_id, decision, reason, comment, officer_iin,"
            + " decided_at, recorded_at, document, cms, timestamp_token, ocsp_response, inspection_json)"
            + " SELECT id, ?::text, ?::text, ?::text, ?::text, ?::timestamptz, ?::timestamptz, ?::bytea, ?::bytea,"
            + " ?::bytea, ?::bytea, ?::text FROM moved RETURNING application_id)";
    /** An approval's two audit events, in order (at, kind, application, actor, detail each), then its outbox row. */
    private static final String APPROVE_SQL = TRANSITION_AND_DECISION + ", audit_rows AS (INSERT INTO audit_pending (at,"
            + " kind, application_id, actor_iin, detail) SELECT v.at, v.kind, v.application_id, v.actor_iin, v.detail"
            + " FROM (VALUES (1, ?::timestamptz, ?::text, ?::uuid, ?::text, ?::text),"
            + " (2, ?::timestamptz, ?::text, ?::uuid, ?::text, ?::text)) AS v (n, at, kind, application_id, actor_iin,"
            + " detail) WHERE EXISTS (SELECT 1 FROM moved) ORDER BY v.n)"
            + " INSERT INTO outbox (application_id, payload,"
            + " created_at, attempts, next_attempt_at) SELECT application_id, ?::text, ?::timestamptz, 0, ?::timestamptz"
            + " FROM decision_row";
    private static final String ANNUL_SQL = TRANSITION_AND_DECISION + " INSERT INTO refund (application_id,"
            + " amount_tiyn, status, created_at) SELECT application_id, ?::bigint, 'OWED', ?::timestamptz FROM decision_row";
}
