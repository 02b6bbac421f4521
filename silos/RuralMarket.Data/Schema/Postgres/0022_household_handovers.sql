-- Money a cooperative handed to its member households, as its manager records it (voided, never deleted).
CREATE TABLE household_handovers (
    id uuid NOT NULL CONSTRAINT pk_household_handovers PRIMARY KEY,
    cooperative_id uuid NOT NULL REFERENCES cooperatives (id),
    household_id uuid NOT NULL,
    amount bigint NOT NULL CHECK (amount > 0),
    handed_on date NOT NULL,
    method varchar(20) NOT NULL,
    note varchar(200) NOT NULL,
    recorded_at timestamptz NOT NULL,
    recorded_by varchar(100) NOT NULL,
    voided_at timestamptz NULL,
    void_reason varchar(200) NOT NULL,
    version bigint NOT NULL
);
CREATE INDEX ix_household_handovers_household_id_handed_on ON household_handovers (household_id, handed_on);
CREATE INDEX ix_household_handovers_cooperative_id ON household_handovers (cooperative_id);
