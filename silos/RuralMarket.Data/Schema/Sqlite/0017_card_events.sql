-- Every Stripe event, kept once by its id, with what it did.
CREATE TABLE card_events (
    id TEXT NOT NULL CONSTRAINT pk_card_events PRIMARY KEY,
    type TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX ix_card_events_outcome_received_at ON card_events (outcome, received_at);
