-- What the grains keep beside the aggregates they already had tables for: the units each product holds for open
-- orders, each checkout's plan and outcome (so a checkout cut short by a crash is finished or undone), and the
-- reminders that wake grains up (payment windows, resumed checkouts).

CREATE TABLE stock_reservations (
    id INTEGER NOT NULL CONSTRAINT pk_stock_reservations PRIMARY KEY AUTOINCREMENT,
    product_id TEXT NOT NULL REFERENCES products (id),
    order_id TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    reserved_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_stock_reservations_product_id_order_id ON stock_reservations (product_id, order_id);
CREATE INDEX ix_stock_reservations_order_id ON stock_reservations (order_id);

CREATE TABLE checkouts (
    id TEXT NOT NULL CONSTRAINT pk_checkouts PRIMARY KEY,
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    payment_method TEXT NOT NULL,
    recipient TEXT NOT NULL,
    items TEXT NOT NULL,
    identities TEXT NOT NULL,
    orders TEXT NOT NULL,
    refusal_code TEXT NULL,
    refused_product_id TEXT NULL,
    refused_product_name TEXT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER NULL
);
CREATE INDEX ix_checkouts_status_started_at ON checkouts (status, started_at);

CREATE TABLE grain_reminders (
    service_id TEXT NOT NULL,
    grain_id TEXT NOT NULL,
    reminder_name TEXT NOT NULL,
    grain_hash INTEGER NOT NULL,
    start_at INTEGER NOT NULL,
    period_ms INTEGER NOT NULL,
    etag TEXT NOT NULL,
    CONSTRAINT pk_grain_reminders PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX ix_grain_reminders_service_id_grain_hash ON grain_reminders (service_id, grain_hash);
