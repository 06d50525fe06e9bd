-- The applicant is told what they must know (ANNULLED with reason and next step, READY_FOR_PICKUP with the
-- point, ISSUED): each notification is written in the transaction of its transition and delivered later by
-- the sender, with retries, to the configured channel (e-gov cabinet, SMS gateway, a development sink).
CREATE TABLE notification (
    id              bigserial PRIMARY KEY,
    application_id  uuid NOT NULL REFERENCES application (id),
    kind            text NOT NULL CHECK (kind IN ('ANNULLED', 'READY_FOR_PICKUP', 'ISSUED')),
    text_ru         text NOT NULL,
    text_kk         text NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz NULL,
    last_error      text NULL,
    UNIQUE (application_id, kind)
);
CREATE INDEX notification_pending ON notification (next_attempt_at) WHERE delivered_at IS NULL;

-- R10: a refund owed becomes REFUNDED when the finance department records the payment.
ALTER TABLE refund ADD COLUMN payment_reference text NULL;
ALTER TABLE refund ADD COLUMN paid_on date NULL;
ALTER TABLE refund ADD COLUMN recorded_by char(12) NULL;
ALTER TABLE refund ADD COLUMN recorded_at timestamptz NULL;
ALTER TABLE refund ADD CONSTRAINT refund_paid_complete CHECK (status = 'OWED'
    OR (payment_reference IS NOT NULL AND paid_on IS NOT NULL AND recorded_by IS NOT NULL AND recorded_at IS NOT NULL));
CREATE INDEX refund_status ON refund (status, created_at);

-- The tamper-evident audit log: one row per recorded event, each row's hash covering the previous row's hash
-- and its own content (seq, time, kind, application, actor, detail). Appends are serialised by locking
-- audit_head, so the chain has one order. Rows are never updated or deleted by the service; the triggers
-- refuse it, so that only someone who drops them (and leaves a broken chain) can.
CREATE TABLE audit_log (
    seq            bigint PRIMARY KEY,
    at             timestamptz NOT NULL,
    kind           text NOT NULL,
    application_id uuid NULL,
    actor_iin      char(12) NULL,
    detail         text NOT NULL,
    prev_hash      char(64) NOT NULL,
    hash           char(64) NOT NULL
);
CREATE INDEX audit_application ON audit_log (application_id, seq) WHERE application_id IS NOT NULL;

CREATE TABLE audit_head (
    id   boolean PRIMARY KEY DEFAULT TRUE CHECK (id),
    seq  bigint NOT NULL,
    hash char(64) NOT NULL
);
INSERT INTO audit_head (seq, hash) VALUES (0, repeat('0', 64));

-- A checkpoint: the central service's signature (detached CMS) over {seq, hash, at} of the chain's head.
CREATE TABLE audit_checkpoint (
    seq       bigint PRIMARY KEY,
    hash      char(64) NOT NULL,
    at        timestamptz NOT NULL,
    signature bytea NOT NULL
);

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
