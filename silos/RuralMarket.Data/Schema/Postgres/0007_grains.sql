-- What the grains keep beside the aggregates they already had tables for: the units each product holds for open
-- orders, each checkout's plan and outcome (so a checkout cut short by a crash is finished or undone), and the
-- reminders that wake grains up (payment windows, resumed checkouts) where Orleans' own reminder tables are not used.

CREATE TABLE stock_reservations (
    product_id uuid NOT NULL REFERENCES products (id),
    order_id uuid NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    reserved_at timestamptz NOT NULL,
    CONSTRAINT pk_stock_reservations PRIMARY KEY (product_id, order_id)
);
CREATE INDEX ix_stock_reservations_order_id ON stock_reservations (order_id);

CREATE TABLE checkouts (
    id uuid NOT NULL CONSTRAINT pk_checkouts PRIMARY KEY,
    version bigint NOT NULL,
    status varchar(20) NOT NULL,
    payment_method varchar(20) NOT NULL,
    recipient text NOT NULL,
    items text NOT NULL,
    identities text NOT NULL,
    orders text NOT NULL,
    refusal_code varchar(100) NULL,
    refused_product_id uuid NULL,
    refused_product_name varchar(200) NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz NULL
);
CREATE INDEX ix_checkouts_status_started_at ON checkouts (status, started_at);

CREATE TABLE grain_reminders (
    service_id varchar(150) NOT NULL,
    grain_id varchar(300) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    grain_hash bigint NOT NULL,
    start_at timestamptz NOT NULL,
    period_ms bigint NOT NULL,
    etag varchar(50) NOT NULL,
    CONSTRAINT pk_grain_reminders PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX ix_grain_reminders_service_id_grain_hash ON grain_reminders (service_id, grain_hash);
