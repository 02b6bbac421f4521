-- The 3,321 commune-level units of 2025 under their provinces (reference data, loaded by the seed), so addresses
-- name a commune that exists instead of free text.
CREATE TABLE communes (
    code varchar(10) NOT NULL CONSTRAINT pk_communes PRIMARY KEY,
    province_code varchar(8) NOT NULL REFERENCES provinces (code),
    name varchar(100) NOT NULL
);
CREATE INDEX ix_communes_province_code_name ON communes (province_code, name);
