-- Every call carriers make to /webhooks/{carrier}/…, kept as it arrived before it is applied, with what became of it.
CREATE TABLE carrier_webhooks (
    id INTEGER NOT NULL CONSTRAINT pk_carrier_webhooks PRIMARY KEY AUTOINCREMENT,
    partner_id TEXT NOT NULL REFERENCES postal_partners (id),
    carrier TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX ix_carrier_webhooks_outcome_received_at ON carrier_webhooks (outcome, received_at);
