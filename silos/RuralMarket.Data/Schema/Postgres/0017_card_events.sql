-- Every Stripe event, kept once by its id, with what it did.
CREATE TABLE card_events (
    id varchar(255) NOT NULL CONSTRAINT pk_card_events PRIMARY KEY,
    type varchar(100) NOT NULL,
    received_at timestamptz NOT NULL,
    outcome varchar(20) NOT NULL,
    detail varchar(300) NOT NULL
);
CREATE INDEX ix_card_events_outcome_received_at ON card_events (outcome, received_at);
