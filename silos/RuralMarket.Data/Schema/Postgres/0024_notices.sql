-- Messages to buyers and cooperatives (SMS, Zalo, e-mail), once per fact, channel and recipient; and who asked for none.
CREATE TABLE notices (
    id uuid NOT NULL CONSTRAINT pk_notices PRIMARY KEY,
    key varchar(150) NOT NULL,
    kind varchar(40) NOT NULL,
    channel varchar(10) NOT NULL,
    recipient varchar(200) NOT NULL,
    text varchar(1000) NOT NULL,
    fields varchar(2000) NOT NULL,
    segments integer NOT NULL,
    state varchar(12) NOT NULL,
    attempts integer NOT NULL,
    last_error varchar(300) NOT NULL,
    provider_id varchar(100) NOT NULL,
    created_at timestamptz NOT NULL,
    not_before timestamptz NOT NULL,
    sent_at timestamptz NULL,
    leased_until timestamptz NULL
);
CREATE UNIQUE INDEX ix_notices_key_channel_recipient ON notices (key, channel, recipient);
CREATE INDEX ix_notices_state_not_before ON notices (state, not_before);
CREATE INDEX ix_notices_created_at ON notices (created_at);

CREATE TABLE notice_opt_outs (
    recipient varchar(200) NOT NULL CONSTRAINT pk_notice_opt_outs PRIMARY KEY,
    opted_out_at timestamptz NOT NULL
);

ALTER TABLE cooperative_access ADD COLUMN receives_notices boolean NOT NULL DEFAULT false;
UPDATE cooperative_access SET receives_notices = true WHERE role = 'Manager';
ALTER TABLE postal_partners ADD COLUMN phone varchar(11) NOT NULL DEFAULT '';
