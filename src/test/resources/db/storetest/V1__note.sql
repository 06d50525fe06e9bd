CREATE TABLE note (id bigserial PRIMARY KEY, body text NOT NULL);
