-- The proof behind an accepted decision signature, kept with the decision (CAdES-T and OCSP):
-- the RFC 3161 signature time-stamp token and the OCSP response, both DER; NULL when the
-- configuration did not use them (development without TSA/OCSP).
ALTER TABLE decision ADD COLUMN timestamp_token bytea NULL;
ALTER TABLE decision ADD COLUMN ocsp_response bytea NULL;
