-- A decision row (its CMS of ~3 KB: the signer's certificate and its CA's) and an approval's outbox row (~5 KB of
-- JSON: the form, the document and CMS in base64) passed PostgreSQL's default TOAST threshold of ~2 KB, so each was
-- run through pglz first, ~8 % of the database's CPU per decision, only to be stored uncompressed: pglz saves less
-- than its 25 % minimum on certificates, signatures and base64 (measured on PostgreSQL 15: a 3,111-byte CMS column
-- and a 4,870-byte payload kept their size). Rows are now kept as they are up to a page; larger ones (a CMS with a
-- time-stamp and an OCSP response, a long inspection note) are still compressed and moved out of line as before.
ALTER TABLE decision SET (toast_tuple_target = 8160);
ALTER TABLE outbox SET (toast_tuple_target = 8160);
