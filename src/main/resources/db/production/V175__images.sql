-- Images by content: an order names its photo and signature by SHA-256 and production keeps each image once,
-- however many orders (or repeated deliveries of one order) refer to it. Central sends an image only when
-- production answers that it does not hold it yet. Orders received before this version carry their images inline.
CREATE TABLE image (
    sha256      char(64)    PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    bytes       bytea       NOT NULL,
    received_at timestamptz NOT NULL
);
