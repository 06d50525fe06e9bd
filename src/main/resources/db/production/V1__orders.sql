-- The production node's own tables. One row per application: the primary key is what makes a repeated
-- delivery of the same order harmless (nothing is produced twice).
CREATE SEQUENCE card_number_seq MINVALUE 1 MAXVALUE 999999999 START WITH 40000001 NO CYCLE;

CREATE TABLE orders (
    application_id     uuid PRIMARY KEY,
    ticket_number      text        NOT NULL,
    registration_point text        NOT NULL,
    officer_iin        text        NOT NULL,
    payload            jsonb       NOT NULL,
    received_at        timestamptz NOT NULL,
    produce_after      timestamptz NOT NULL,
    status             text        NOT NULL CHECK (status IN ('IN_PRODUCTION', 'PRODUCED', 'REPORTED')),
    document_number    char(9) UNIQUE CHECK (document_number ~ '^[0-9]{9}$'),
    produced_at        timestamptz,
    report_attempts    int         NOT NULL DEFAULT 0,
    next_report_at     timestamptz,
    reported_at        timestamptz,
    last_error         text,
    CHECK ((status = 'IN_PRODUCTION') = (document_number IS NULL))
);

CREATE INDEX orders_due_production ON orders (produce_after) WHERE status = 'IN_PRODUCTION';
CREATE INDEX orders_due_report ON orders (next_report_at) WHERE status = 'PRODUCED';
