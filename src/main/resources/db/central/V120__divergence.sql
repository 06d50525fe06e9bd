-- Divergences between the central service and the production node, flagged for a person: a ready report
-- that conflicts with what central holds, and whatever the reconciliation finds. One open row per
-- application and kind; a person closes it by setting resolved_at.
CREATE TABLE divergence (
    id             bigserial   PRIMARY KEY,
    application_id uuid        NOT NULL,
    kind           text        NOT NULL,
    detail         text        NOT NULL,
    detected_at    timestamptz NOT NULL,
    last_seen_at   timestamptz NOT NULL,
    resolved_at    timestamptz
);

CREATE UNIQUE INDEX divergence_open ON divergence (application_id, kind) WHERE resolved_at IS NULL;
