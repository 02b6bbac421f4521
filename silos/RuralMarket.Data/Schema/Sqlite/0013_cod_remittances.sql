-- Cash on delivery handed over by postal partners, batch by batch (đối soát COD), as each partner sent it.
CREATE TABLE cod_remittances (
    id TEXT NOT NULL CONSTRAINT pk_cod_remittances PRIMARY KEY,
    partner_id TEXT NOT NULL REFERENCES postal_partners (id),
    reference TEXT NOT NULL,
    remitted_on TEXT NOT NULL,
    source TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_cod_remittances_partner_id_reference ON cod_remittances (partner_id, reference);

CREATE TABLE cod_remittance_lines (
    id INTEGER NOT NULL CONSTRAINT pk_cod_remittance_lines PRIMARY KEY AUTOINCREMENT,
    remittance_id TEXT NOT NULL CONSTRAINT fk_cod_remittance_lines_cod_remittances_remittance_id REFERENCES cod_remittances (id) ON DELETE CASCADE,
    waybill TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    fee INTEGER NOT NULL CHECK (fee >= 0)
);
CREATE INDEX ix_cod_remittance_lines_remittance_id ON cod_remittance_lines (remittance_id);
CREATE INDEX ix_cod_remittance_lines_waybill ON cod_remittance_lines (waybill);
