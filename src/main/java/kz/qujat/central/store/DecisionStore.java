package kz.qujat.central.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import kz.qujat.api.Canonical;
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

    public Result record(Decision d, Instant now) {
        return jdbc.tx("decision", c -> {
            var locked = ClaimStore.lock(c, d.applicationId());
            if (locked == null) {
                return new Result(Outcome.NOT_FOUND, null);
            }
            if (locked.status() != Status.IN_REVIEW) {
                return new Result(Outcome.WRONG_STATUS, locked.status());
            }
            if (!d.officerIin().equals(locked.holder())) {
                return new Result(Outcome.NOT_HOLDER, locked.status());
            }
            if (!locked.expiresAt().isAfter(now)) {
                return new Result(Outcome.CLAIM_EXPIRED, locked.status());
            }
            boolean approve = "APPROVE".equals(d.decision());
            Status next = Transitions.apply(c, d.applicationId(), locked.status(),
                    approve ? Event.APPROVE : Event.ANNUL, d.officerIin(), approve ? null : d.reason(), now);
            Jdbc.update(c, "INSERT INTO decision (application_id, decision, reason, comment, officer_iin, decided_at,"
                    + " recorded_at, document, cms, timestamp_token, ocsp_response, inspection_json)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    d.applicationId(), d.decision(), d.reason(), d.comment(), d.officerIin(), d.decidedAt(), now,
                    d.document(), d.cms(), d.timestampToken(), d.ocspResponse(), d.inspectionJson());
            Map<String, Object> signed = new HashMap<>();
            signed.put("decision", d.decision());
            signed.put("reason", d.reason());
            signed.put("documentSha256", Canonical.sha256Hex(d.document()));
            signed.put("cmsSha256", Canonical.sha256Hex(d.cms()));
            Audit.append(c, now, "DECISION_SIGNED", d.applicationId(), d.officerIin(), signed);
            if (approve) {
                Jdbc.update(c, "INSERT INTO outbox (application_id, payload, created_at, attempts, next_attempt_at)"
                        + " VALUES (?, ?::jsonb, ?, 0, ?)", d.applicationId(), d.outboxPayload(), now, now);
            } else {
                Jdbc.update(c, "UPDATE application SET annul_reason = ? WHERE id = ?", d.reason(), d.applicationId());
                Jdbc.update(c, "INSERT INTO refund (application_id, amount_tiyn, status, created_at)"
                        + " VALUES (?, ?, 'OWED', ?)", d.applicationId(), d.refundTiyn(), now);
                Audit.append(c, now, "REFUND_OWED", d.applicationId(), null, Map.of("amountTiyn", d.refundTiyn()));
                Notices.write(c, notices, d.applicationId(), "ANNULLED", now);
            }
            return new Result(Outcome.DONE, next);
        });
    }
}
