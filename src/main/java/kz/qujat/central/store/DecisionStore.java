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

    /** The caller's checks of the locked application: the decision to record, or an exception that refuses it. */
    public interface Check {
        Decision check(ApplicationStore.Row row);
    }

    /**
     * Locks and reads the application, lets {@code check} judge it (it throws to refuse: nothing is written), and
     * records the decision it returns; all in one transaction of three round trips for an approval (read and lock;
     * the transition, decision, audit events and outbox row as one statement; commit) where it took nine before.
     */
    public Result decide(UUID applicationId, Check check, Instant now) {
        return jdbc.tx("decision", c -> {
            ApplicationStore.Row row = ApplicationStore.findLocked(c, applicationId).orElse(null);
            if (row == null) {
                return new Result(Outcome.NOT_FOUND, null);
            }
            Decision d = check.check(row);
            if (row.status() != Status.IN_REVIEW) {
                return new Result(Outcome.WRONG_STATUS, row.status());
            }
            if (!d.officerIin().equals(row.claimedBy())) {
                return new Result(Outcome.NOT_HOLDER, row.status());
            }
            if (row.claimExpiresAt() == null || !row.claimExpiresAt().isAfter(now)) {
                return new Result(Outcome.CLAIM_EXPIRED, row.status());
            }
            boolean approve = "APPROVE".equals(d.decision());
            Event event = approve ? Event.APPROVE : Event.ANNUL;
            Status next = Lifecycle.next(row.status(), event);
            String note = approve ? null : d.reason();
            List<Object> args = new ArrayList<>(Arrays.asList(next, approve ? null : d.reason(), d.applicationId(),
                    row.status(), now, event.name(), row.status().name(), next.name(), d.officerIin(), note,
                    d.decision(), d.reason(), d.comment(), d.officerIin(), d.decidedAt(), now, d.document(), d.cms(),
                    d.timestampToken(), d.ocspResponse(), d.inspectionJson()));
            Map<String, Object> transition = new HashMap<>();
            transition.put("from", row.status());
            transition.put("to", next);
            transition.put("note", note);
            Map<String, Object> signed = new HashMap<>();
            signed.put("decision", d.decision());
            signed.put("reason", d.reason());
            signed.put("documentSha256", Canonical.sha256Hex(d.document()));
            signed.put("cmsSha256", Canonical.sha256Hex(d.cms()));
            if (approve) {
                // the audit events in the same statement, in this order (as Transitions and Audit.append would)
                args.addAll(Arrays.asList(Audit.row(now, event.name(), d.applicationId(), d.officerIin(), transition)));
                args.addAll(Arrays.asList(Audit.row(now, "DECISION_SIGNED", d.applicationId(), d.officerIin(), signed)));
                args.addAll(List.of(d.outboxPayload(), now, now));
            } else {
                args.addAll(List.of(d.refundTiyn(), now));
            }
            int written = Jdbc.update(c, approve ? APPROVE_SQL : ANNUL_SQL, args.toArray());
            if (written != 1) {
                throw new IllegalStateException("the locked application " + d.applicationId() + " was not updated");
            }
            if (approve) {
                Audit.written(c);
            } else {
                Audit.append(c, now, event.name(), d.applicationId(), d.officerIin(), transition);
                Audit.append(c, now, "DECISION_SIGNED", d.applicationId(), d.officerIin(), signed);
                Audit.append(c, now, "REFUND_OWED", d.applicationId(), null, Map.of("amountTiyn", d.refundTiyn()));
                Notices.write(c, notices, d.applicationId(), "ANNULLED", now);
            }
            return new Result(Outcome.DONE, next);
        });
    }

    /**
     * The transition (status, and the annulment's reason; the history row), the decision row, and then the outbox
     * row of an approval or the refund owed for an annulment, in one statement: each part writes only when the status
     * update did (the row is locked, so it does). Parameters: next status, annulment reason (kept as it is when
     * null), id, current status; history at, event, from, to, actor, note; decision, reason, comment, officer,
     * decided at, recorded at, document, CMS, time-stamp token, OCSP response, inspection; the outbox payload or
     * the refund's amount, then the outbox row's times (created, next attempt) or the refund's (created). The count
     * is of the last part's rows.
     */
    private static final String TRANSITION_AND_DECISION = "WITH moved AS (UPDATE application SET status = ?::text,"
            + " annul_reason = COALESCE(?::text, annul_reason) WHERE id = ?::uuid AND status = ?::text RETURNING id),"
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
