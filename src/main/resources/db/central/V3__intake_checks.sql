-- The photo and signature checks (rule R7) run at intake: every measured check as JSON, and the worst
-- verdict for the queue's column and filter. NULL for applications stored before the checks existed.
ALTER TABLE application ADD COLUMN checks_json text NULL;
ALTER TABLE application ADD COLUMN checks_worst text NULL
    CHECK (checks_worst IN ('PASS', 'WARN', 'FAIL'));
