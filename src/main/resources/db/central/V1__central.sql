-- The central service's store: applications and their history, the staff directory, the population
-- register, sessions, decisions, refunds, reviews and the outbox to the production node.

CREATE SEQUENCE ticket_seq;

CREATE TABLE staff (
    iin                char(12) PRIMARY KEY,
    surname            text NOT NULL,
    given_name         text NOT NULL,
    role               text NOT NULL CHECK (role IN ('OFFICER', 'SUPERVISOR', 'CLERK')),
    region             text NULL,
    registration_point text NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE registry_person (
    iin                      char(12) PRIMARY KEY,
    surname                  text NOT NULL,
    given_name               text NOT NULL,
    patronymic               text NULL,
    birth_date               date NOT NULL,
    current_document_number  text NULL,
    current_document_expiry  date NULL,
    photo                    bytea NULL,
    signature                bytea NULL,
    updated_at               timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE application (
    id                  uuid PRIMARY KEY,
    seq                 bigint NOT NULL UNIQUE,
    ticket_number       text NOT NULL UNIQUE,
    iin                 char(12) NOT NULL,
    document_number     text NOT NULL,
    status              text NOT NULL,
    region              text NOT NULL,
    registration_point  text NOT NULL,
    form_json           text NOT NULL,
    photo               bytea NOT NULL,
    photo_sha256        char(64) NOT NULL,
    signature           bytea NOT NULL,
    signature_sha256    char(64) NOT NULL,
    policy_version      text NOT NULL,
    expiry_date         date NOT NULL,
    days_from_expiry    integer NOT NULL,
    submitted_at        timestamptz NOT NULL,
    claimed_by          char(12) NULL,
    claimed_at          timestamptz NULL,
    claim_expires_at    timestamptz NULL,
    annul_reason        text NULL,
    new_document_number text NULL,
    ready_at            timestamptz NULL,
    issued_at           timestamptz NULL,
    issued_by           char(12) NULL
);
-- One active application per person and document; annulled and issued ones do not count.
CREATE UNIQUE INDEX application_one_active ON application (iin, document_number)
    WHERE status NOT IN ('ANNULLED', 'ISSUED');
CREATE INDEX application_queue ON application (region, submitted_at, seq) WHERE status = 'SUBMITTED';
CREATE INDEX application_claims ON application (claim_expires_at) WHERE status = 'IN_REVIEW';
CREATE INDEX application_point ON application (registration_point, status);

CREATE TABLE history (
    id             bigserial PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES application (id),
    at             timestamptz NOT NULL,
    event          text NOT NULL,
    from_status    text NULL,
    to_status      text NOT NULL,
    actor_iin      char(12) NULL,
    note           text NULL
);
CREATE INDEX history_application ON history (application_id, id);

CREATE TABLE decision (
    application_id uuid PRIMARY KEY REFERENCES application (id),
    decision       text NOT NULL,
    reason         text NULL,
    comment        text NULL,
    officer_iin    char(12) NOT NULL,
    decided_at     timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL,
    document       bytea NOT NULL,
    cms            bytea NOT NULL
);
CREATE INDEX decision_annulments ON decision (recorded_at) WHERE decision = 'ANNUL';

CREATE TABLE refund (
    application_id uuid PRIMARY KEY REFERENCES application (id),
    amount_tiyn    bigint NOT NULL,
    status         text NOT NULL CHECK (status IN ('OWED', 'REFUNDED')),
    created_at     timestamptz NOT NULL
);

CREATE TABLE review (
    application_id uuid PRIMARY KEY REFERENCES application (id),
    verdict        text NOT NULL CHECK (verdict IN ('AGREE', 'DISAGREE')),
    comment        text NULL,
    supervisor_iin char(12) NOT NULL,
    reviewed_at    timestamptz NOT NULL
);

CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    application_id  uuid UNIQUE NOT NULL REFERENCES application (id),
    payload         jsonb NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz NULL,
    last_error      text NULL
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL;

CREATE TABLE login_challenge (
    id         uuid PRIMARY KEY,
    nonce      bytea NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz NULL
);

CREATE TABLE staff_session (
    token_sha256 char(64) PRIMARY KEY,
    staff_iin    char(12) NOT NULL REFERENCES staff (iin),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
