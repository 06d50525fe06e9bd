-- The outbox row's payload is the production order exactly as the central service wrote it (Jackson, from the
-- verified decision) and is sent exactly as stored: nothing queries inside it. As jsonb, PostgreSQL parsed every
-- ~5 KB order into its binary form at each approval (and printed it back at each send, reordering its keys);
-- as text it is kept and sent byte for byte. Rows already stored keep their content (jsonb's printed form).
ALTER TABLE outbox ALTER COLUMN payload TYPE text USING payload::text;
