-- Which payment paid a prepaid order, and every incoming transfer bank feeds report, kept once per provider and id.
ALTER TABLE orders ADD COLUMN payment_reference TEXT NULL;
CREATE TABLE bank_transfers (
    id INTEGER NOT NULL CONSTRAINT pk_bank_transfers PRIMARY KEY AUTOINCREMENT,
    provider TEXT NOT NULL,
    transaction_id TEXT NOT NULL,
    amount INTEGER NOT NULL,
    memo TEXT NOT NULL,
    account_number TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    order_id TEXT NULL,
    detail TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_bank_transfers_provider_transaction_id ON bank_transfers (provider, transaction_id);
CREATE INDEX ix_bank_transfers_outcome_received_at ON bank_transfers (outcome, received_at);
