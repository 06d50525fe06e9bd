-- The audit chain off the commit path. A transaction that records events writes them to audit_pending (no chain
-- position, no lock of the chain's head), so commits no longer queue behind one another for the head's lock and
-- their fsyncs can group. One chainer at a time (whoever holds audit_head's row lock; any central instance may)
-- moves committed events into audit_log shortly after their commit, in a stable order, and on demand before the
-- chain is verified, exported or shown. An event committed but not yet chained is pending, never lost: the next
-- chainer picks it up, whichever instance runs it.
CREATE TABLE audit_pending (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL,
    kind           text NOT NULL,
    application_id uuid NULL,
    actor_iin      char(12) NULL,
    detail         text NOT NULL
);

-- Which pending event a chained row came from (not part of the hash; null for rows chained before V180).
ALTER TABLE audit_log ADD COLUMN event_id bigint NULL;
CREATE UNIQUE INDEX audit_log_event ON audit_log (event_id) WHERE event_id IS NOT NULL;

-- A pending event is never changed, and leaves audit_pending only once its row is in the chain (the chainer
-- deletes it in the transaction that inserts the row), so the service cannot lose an event by accident.
CREATE FUNCTION audit_pending_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'a pending audit event is never changed';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM audit_log WHERE event_id = OLD.id) THEN
        RAISE EXCEPTION 'a pending audit event leaves audit_pending only once chained';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER audit_pending_guard BEFORE UPDATE OR DELETE ON audit_pending
    FOR EACH ROW EXECUTE FUNCTION audit_pending_guard();

-- Every recorded event, chained (seq set) or pending (seq null): what supervisors' views and reports read. One
-- statement sees one snapshot, so an event being chained shows once, on one side or the other.
CREATE VIEW audit_event AS
    SELECT seq, event_id, at, kind, application_id, actor_iin, detail FROM audit_log
    UNION ALL
    SELECT NULL::bigint, id, at, kind, application_id, actor_iin, detail FROM audit_pending;
