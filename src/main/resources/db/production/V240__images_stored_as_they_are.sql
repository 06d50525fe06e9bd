-- Images are JPEG and PNG, compressed already: stored out of line without PostgreSQL's pglz attempt, which gave up on
-- them after spending most of an insert's time (see central's V240 for the measurement).
ALTER TABLE image ALTER COLUMN bytes SET STORAGE EXTERNAL;
