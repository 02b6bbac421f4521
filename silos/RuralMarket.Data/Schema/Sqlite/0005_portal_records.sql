-- What the portal's forms keep: the cooperative's contact and payout account, the platform's check of an OCOP
-- certificate, and the log of stock changed by hand.

ALTER TABLE cooperatives ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE cooperatives ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
ALTER TABLE cooperatives ADD COLUMN payout_bank_bin TEXT NULL;
ALTER TABLE cooperatives ADD COLUMN payout_account_number TEXT NULL;
ALTER TABLE cooperatives ADD COLUMN payout_holder_name TEXT NULL;

-- Certificates entered before the check existed keep their badge: they were entered by the platform's own seed.
ALTER TABLE products ADD COLUMN certificate_checked_at INTEGER NULL;
UPDATE products SET certificate_checked_at = created_at WHERE certificate_number IS NOT NULL;

CREATE TABLE stock_adjustments (
    id INTEGER NOT NULL CONSTRAINT pk_stock_adjustments PRIMARY KEY AUTOINCREMENT,
    product_id TEXT NOT NULL REFERENCES products (id),
    delta INTEGER NOT NULL CHECK (delta <> 0),
    stock_after INTEGER NOT NULL CHECK (stock_after >= 0),
    reason TEXT NOT NULL,
    note TEXT NOT NULL,
    account_id TEXT NOT NULL,
    account_name TEXT NOT NULL,
    acting_as TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX ix_stock_adjustments_product_id_at ON stock_adjustments (product_id, at);
