-- Messages to buyers and cooperatives (SMS, Zalo, e-mail), once per fact, channel and recipient; and who asked for none.
CREATE TABLE notices (
    id TEXT NOT NULL CONSTRAINT pk_notices PRIMARY KEY,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    text TEXT NOT NULL,
    fields TEXT NOT NULL,
    segments INTEGER NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    not_before INTEGER NOT NULL,
    sent_at INTEGER NULL,
    leased_until INTEGER NULL
);
CREATE UNIQUE INDEX ix_notices_key_channel_recipient ON notices (key, channel, recipient);
CREATE INDEX ix_notices_state_not_before ON notices (state, not_before);
CREATE INDEX ix_notices_created_at ON notices (created_at);

CREATE TABLE notice_opt_outs (
    recipient TEXT NOT NULL CONSTRAINT pk_notice_opt_outs PRIMARY KEY,
    opted_out_at INTEGER NOT NULL
);

ALTER TABLE cooperative_access ADD COLUMN receives_notices INTEGER NOT NULL DEFAULT 0;
UPDATE cooperative_access SET receives_notices = 1 WHERE role = 'Manager';
ALTER TABLE postal_partners ADD COLUMN phone TEXT NOT NULL DEFAULT '';
