-- What the officer's photo and signature checks showed when deciding (not signed; an aid for review),
-- in particular whether the eye points were found by the detector or clicked by hand.
ALTER TABLE decision ADD COLUMN inspection_json text NULL;
