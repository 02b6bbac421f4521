-- Money a cooperative handed to its member households, as its manager records it (voided, never deleted).
CREATE TABLE household_handovers (
    id TEXT NOT NULL CONSTRAINT pk_household_handovers PRIMARY KEY,
    cooperative_id TEXT NOT NULL REFERENCES cooperatives (id),
    household_id TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    handed_on TEXT NOT NULL,
    method TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by TEXT NOT NULL,
    voided_at INTEGER NULL,
    void_reason TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_household_handovers_household_id_handed_on ON household_handovers (household_id, handed_on);
CREATE INDEX ix_household_handovers_cooperative_id ON household_handovers (cooperative_id);
