-- Issue 13, operations: the relay parks an order production refuses (HTTP 422) after a bounded number of
-- attempts, for a supervisor to look at and retry; the metrics read the open part of the queue by index.
ALTER TABLE outbox ADD COLUMN parked_at timestamptz NULL;
ALTER TABLE outbox ADD COLUMN refusals integer NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN retried_by char(12) NULL;
ALTER TABLE outbox ADD COLUMN retried_at timestamptz NULL;
CREATE INDEX outbox_parked ON outbox (parked_at) WHERE parked_at IS NOT NULL AND delivered_at IS NULL;

CREATE INDEX application_open ON application (status, region)
    WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'IN_PRODUCTION');
