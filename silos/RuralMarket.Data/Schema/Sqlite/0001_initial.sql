-- RuralMarket schema, SQLite. Keep in step with Schema/Postgres/0001_initial.sql and the EF model
-- (SchemaMigratorTests checks all three). Never edit an applied script: add the next number.
-- Ids are TEXT (EF's uppercase GUID form), timestamps are UTC ticks (INTEGER), money is whole đồng (INTEGER).

CREATE TABLE provinces (
    code TEXT NOT NULL CONSTRAINT pk_provinces PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
);

CREATE TABLE cooperatives (
    id TEXT NOT NULL CONSTRAINT pk_cooperatives PRIMARY KEY,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    registration_number TEXT NOT NULL,
    address_province_code TEXT NOT NULL REFERENCES provinces (code),
    address_commune TEXT NOT NULL,
    address_street TEXT NOT NULL,
    story TEXT NOT NULL,
    verification TEXT NOT NULL,
    rejection_reason TEXT NOT NULL,
    registered_at INTEGER NOT NULL,
    verified_at INTEGER,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_cooperatives_slug ON cooperatives (slug);

CREATE TABLE households (
    id TEXT NOT NULL CONSTRAINT pk_households PRIMARY KEY,
    cooperative_id TEXT NOT NULL CONSTRAINT fk_households_cooperatives_cooperative_id REFERENCES cooperatives (id) ON DELETE CASCADE,
    head_name TEXT NOT NULL,
    village TEXT NOT NULL,
    produces TEXT NOT NULL,
    phone TEXT NOT NULL,
    is_active INTEGER NOT NULL
);
CREATE INDEX ix_households_cooperative_id ON households (cooperative_id);

CREATE TABLE products (
    id TEXT NOT NULL CONSTRAINT pk_products PRIMARY KEY,
    cooperative_id TEXT NOT NULL REFERENCES cooperatives (id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    unit TEXT NOT NULL,
    net_weight_grams INTEGER NOT NULL CHECK (net_weight_grams > 0),
    origin TEXT NOT NULL,
    harvest TEXT NOT NULL,
    price INTEGER NOT NULL CHECK (price > 0),
    stock INTEGER NOT NULL CHECK (stock >= 0),
    status TEXT NOT NULL,
    certificate_stars INTEGER CHECK (certificate_stars BETWEEN 3 AND 5),
    certificate_number TEXT,
    certificate_level TEXT,
    certificate_issued_on TEXT,
    certificate_expires_on TEXT,
    created_at INTEGER NOT NULL,
    published_at INTEGER,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_products_slug ON products (slug);
CREATE INDEX ix_products_cooperative_id ON products (cooperative_id);

CREATE TABLE product_producers (
    id INTEGER NOT NULL CONSTRAINT pk_product_producers PRIMARY KEY AUTOINCREMENT,
    product_id TEXT NOT NULL CONSTRAINT fk_product_producers_products_product_id REFERENCES products (id) ON DELETE CASCADE,
    household_id TEXT NOT NULL REFERENCES households (id),
    percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100)
);
CREATE INDEX ix_product_producers_product_id ON product_producers (product_id);

CREATE TABLE product_photos (
    id INTEGER NOT NULL CONSTRAINT pk_product_photos PRIMARY KEY AUTOINCREMENT,
    product_id TEXT NOT NULL CONSTRAINT fk_product_photos_products_product_id REFERENCES products (id) ON DELETE CASCADE,
    storage_key TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX ix_product_photos_product_id ON product_photos (product_id);

CREATE TABLE orders (
    id TEXT NOT NULL CONSTRAINT pk_orders PRIMARY KEY,
    code TEXT NOT NULL,
    tracking_token TEXT NOT NULL,
    checkout_id TEXT NOT NULL,
    cooperative_id TEXT NOT NULL REFERENCES cooperatives (id),
    buyer_name TEXT NOT NULL,
    buyer_phone TEXT NOT NULL,
    buyer_email TEXT NOT NULL,
    delivery_address_province_code TEXT NOT NULL REFERENCES provinces (code),
    delivery_address_commune TEXT NOT NULL,
    delivery_address_street TEXT NOT NULL,
    delivery_note TEXT NOT NULL,
    payment_method TEXT NOT NULL,
    shipping_fee INTEGER NOT NULL CHECK (shipping_fee >= 0),
    status TEXT NOT NULL,
    cancellation_reason TEXT NOT NULL,
    placed_at INTEGER NOT NULL,
    reservation_expires_at INTEGER,
    paid_at INTEGER,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_orders_code ON orders (code);
CREATE UNIQUE INDEX ix_orders_tracking_token ON orders (tracking_token);
CREATE INDEX ix_orders_checkout_id ON orders (checkout_id);
CREATE INDEX ix_orders_cooperative_id_status ON orders (cooperative_id, status);
CREATE INDEX ix_orders_status_reservation_expires_at ON orders (status, reservation_expires_at);

CREATE TABLE order_lines (
    id INTEGER NOT NULL CONSTRAINT pk_order_lines PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL CONSTRAINT fk_order_lines_orders_order_id REFERENCES orders (id) ON DELETE CASCADE,
    product_id TEXT NOT NULL REFERENCES products (id),
    product_name TEXT NOT NULL,
    unit_price INTEGER NOT NULL CHECK (unit_price > 0),
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 999),
    unit_weight_grams INTEGER NOT NULL CHECK (unit_weight_grams > 0)
);
CREATE INDEX ix_order_lines_order_id ON order_lines (order_id);

CREATE TABLE order_status_changes (
    id INTEGER NOT NULL CONSTRAINT pk_order_status_changes PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL CONSTRAINT fk_order_status_changes_orders_order_id REFERENCES orders (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    at INTEGER NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX ix_order_status_changes_order_id ON order_status_changes (order_id);

CREATE TABLE outbox_messages (
    id TEXT NOT NULL CONSTRAINT pk_outbox_messages PRIMARY KEY,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    locked_by TEXT,
    locked_until INTEGER,
    processed_at INTEGER,
    parked_at INTEGER,
    last_error TEXT
);
CREATE INDEX ix_outbox_messages_pending ON outbox_messages (next_attempt_at, occurred_at)
    WHERE processed_at IS NULL AND parked_at IS NULL;
