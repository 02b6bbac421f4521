-- Photos become processed variants (WebP 320/800/1600 + a JPEG fallback) named by photo id and width, instead of
-- one stored file. Rows of the old form point at files the storefront can no longer choose sizes for, so they are
-- dropped; only the illustrative seed catalogue had any, and its loader puts the photos back through the pipeline.
DROP TABLE product_photos;
CREATE TABLE product_photos (
    id INTEGER NOT NULL CONSTRAINT pk_product_photos PRIMARY KEY AUTOINCREMENT,
    product_id TEXT NOT NULL CONSTRAINT fk_product_photos_products_product_id REFERENCES products (id) ON DELETE CASCADE,
    photo_id TEXT NOT NULL,
    width INTEGER NOT NULL CHECK (width BETWEEN 1 AND 1600),
    height INTEGER NOT NULL CHECK (height BETWEEN 1 AND 6400),
    position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 7)
);
CREATE INDEX ix_product_photos_product_id ON product_photos (product_id);

-- Search documents carry the cover photo in PhotoVariants form ({id}/{width}x{height}), not a file key.
ALTER TABLE search_products RENAME COLUMN photo_key TO cover_photo;
UPDATE search_products SET cover_photo = NULL;
