-- Postal partners, their staff and API keys; shipments (one order's parcel) with their history of reported steps.
CREATE TABLE postal_partners (
    id TEXT NOT NULL CONSTRAINT pk_postal_partners PRIMARY KEY,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    carrier TEXT NOT NULL,
    webhook_secret_hash TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_postal_partners_slug ON postal_partners (slug);

CREATE TABLE partner_access (
    id INTEGER NOT NULL CONSTRAINT pk_partner_access PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL CONSTRAINT fk_partner_access_accounts_account_id REFERENCES accounts (id) ON DELETE CASCADE,
    partner_id TEXT NOT NULL CONSTRAINT fk_partner_access_postal_partners_partner_id REFERENCES postal_partners (id) ON DELETE CASCADE,
    granted_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_partner_access_account_id_partner_id ON partner_access (account_id, partner_id);

CREATE TABLE partner_api_keys (
    id TEXT NOT NULL CONSTRAINT pk_partner_api_keys PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES postal_partners (id),
    prefix TEXT NOT NULL,
    hash TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE UNIQUE INDEX ix_partner_api_keys_hash ON partner_api_keys (hash);
CREATE INDEX ix_partner_api_keys_partner_id ON partner_api_keys (partner_id);

CREATE TABLE shipments (
    id TEXT NOT NULL CONSTRAINT pk_shipments PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders (id),
    order_code TEXT NOT NULL,
    cooperative_id TEXT NOT NULL REFERENCES cooperatives (id),
    partner_id TEXT NOT NULL REFERENCES postal_partners (id),
    carrier TEXT NOT NULL,
    service TEXT NOT NULL,
    waybill TEXT NOT NULL,
    parcel_weight_grams INTEGER NOT NULL CHECK (parcel_weight_grams > 0),
    parcel_length_cm INTEGER NOT NULL,
    parcel_width_cm INTEGER NOT NULL,
    parcel_height_cm INTEGER NOT NULL,
    sender_name TEXT NOT NULL,
    sender_phone TEXT NOT NULL,
    sender_address_province_code TEXT NOT NULL,
    sender_address_commune TEXT NOT NULL,
    sender_address_street TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    recipient_phone TEXT NOT NULL,
    recipient_address_province_code TEXT NOT NULL,
    recipient_address_commune TEXT NOT NULL,
    recipient_address_street TEXT NOT NULL,
    quoted_fee INTEGER NOT NULL CHECK (quoted_fee >= 0),
    charged_fee INTEGER NOT NULL CHECK (charged_fee >= 0),
    cash_on_delivery INTEGER NOT NULL CHECK (cash_on_delivery >= 0),
    cash_collected INTEGER CHECK (cash_collected >= 0),
    status TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL,
    booked_at INTEGER NOT NULL,
    last_step_at INTEGER NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_shipments_order_id ON shipments (order_id);
CREATE UNIQUE INDEX ix_shipments_carrier_waybill ON shipments (carrier, waybill);
CREATE INDEX ix_shipments_partner_id_status ON shipments (partner_id, status);

CREATE TABLE shipment_events (
    id INTEGER NOT NULL CONSTRAINT pk_shipment_events PRIMARY KEY AUTOINCREMENT,
    shipment_id TEXT NOT NULL CONSTRAINT fk_shipment_events_shipments_shipment_id REFERENCES shipments (id) ON DELETE CASCADE,
    sequence INTEGER NOT NULL,
    event_key TEXT NOT NULL,
    status TEXT,
    carrier_status TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT NOT NULL,
    source TEXT NOT NULL,
    outcome TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_shipment_events_shipment_id_event_key ON shipment_events (shipment_id, event_key);

ALTER TABLE orders ADD COLUMN shipment_id TEXT;
ALTER TABLE orders ADD COLUMN shipment_sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN return_received_at INTEGER;
