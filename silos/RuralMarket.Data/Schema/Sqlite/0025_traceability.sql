-- Batches (lots) of a product with their public trace codes, their harvest diaries (append-only), and the batch each
-- packed order line came from.
CREATE TABLE product_batches (
    id TEXT NOT NULL CONSTRAINT pk_product_batches PRIMARY KEY,
    product_id TEXT NOT NULL CONSTRAINT fk_product_batches_products_product_id REFERENCES products (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    lot TEXT NOT NULL,
    started_on TEXT NOT NULL,
    harvested_on TEXT NULL,
    best_before TEXT NULL,
    received INTEGER NOT NULL CHECK (received >= 0),
    packed INTEGER NOT NULL CHECK (packed >= 0 AND packed <= received),
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_product_batches_code ON product_batches (code);
CREATE UNIQUE INDEX ix_product_batches_product_id_lot ON product_batches (product_id, lot);

CREATE TABLE diary_entries (
    id INTEGER NOT NULL CONSTRAINT pk_diary_entries PRIMARY KEY AUTOINCREMENT,
    batch_id TEXT NOT NULL CONSTRAINT fk_diary_entries_product_batches_batch_id REFERENCES product_batches (id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number > 0),
    day TEXT NOT NULL,
    activity TEXT NOT NULL,
    household_id TEXT NULL,
    input TEXT NOT NULL,
    note TEXT NOT NULL,
    photo_id TEXT NULL,
    photo_width INTEGER NOT NULL,
    photo_height INTEGER NOT NULL,
    corrects INTEGER NULL,
    account_id TEXT NOT NULL,
    written_by TEXT NOT NULL,
    acting_as TEXT NOT NULL,
    written_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_diary_entries_batch_id_number ON diary_entries (batch_id, number);

ALTER TABLE order_lines ADD COLUMN batch_id TEXT NULL;
ALTER TABLE order_lines ADD COLUMN trace_code TEXT NULL;
CREATE INDEX ix_order_lines_trace_code ON order_lines (trace_code);
