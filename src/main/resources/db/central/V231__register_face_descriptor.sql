-- The register photo's face as intake's same-person check needs it, computed once when the record is fed (or at its
-- first use by intake, for a record fed before) instead of at every application: the descriptor (128 float32,
-- little-endian; NULL when the photo has no face or does not decode, face_reason then says why) and the model that
-- made it (SamePerson.model(): YuNet and the descriptor network by their SHA-256, the alignment's revision). A
-- descriptor of another model is never compared: intake describes the photo again and keeps the new one. No column
-- set: not described yet. A new photo from the feed replaces all three.
ALTER TABLE registry_person
    ADD COLUMN face_model      text NULL,
    ADD COLUMN face_descriptor bytea NULL,
    ADD COLUMN face_reason     text NULL;
