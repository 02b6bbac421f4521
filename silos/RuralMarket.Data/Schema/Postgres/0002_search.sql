-- Product search index on PostgreSQL. Owned by RuralMarket.Search's PostgreSQL adapter, filled from the outbox by
-- the silo. There is no Vietnamese text-search configuration: text is folded with unaccent (which also turns Đ into D)
-- and indexed with the 'simple' configuration; pg_trgm finds words one typo away and ranks suggestions.
-- Creating the extensions needs a role allowed to (the database owner on PostgreSQL 13+ for these trusted extensions).

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary); this wrapper names the dictionary so it can be IMMUTABLE
-- and used in generated columns and indexes.
CREATE OR REPLACE FUNCTION rm_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE TABLE search_products (
    product_id uuid NOT NULL PRIMARY KEY,
    slug varchar(120) NOT NULL,
    name varchar(200) NOT NULL,
    body text NOT NULL,
    category varchar(40) NOT NULL,
    unit varchar(20) NOT NULL,
    net_weight_grams integer NOT NULL,
    price bigint NOT NULL,
    in_stock boolean NOT NULL,
    ocop_stars integer,
    ocop_expires_on date,
    published_at timestamptz NOT NULL,
    cooperative_slug varchar(120) NOT NULL,
    cooperative_name varchar(200) NOT NULL,
    province_code varchar(8) NOT NULL,
    province_name varchar(100) NOT NULL,
    photo_key varchar(300),
    name_folded text GENERATED ALWAYS AS (rm_fold(name)) STORED,
    document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', rm_fold(name)), 'A') || setweight(to_tsvector('simple', rm_fold(body)), 'B')) STORED,
    exact tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', lower(name)), 'A') || setweight(to_tsvector('simple', lower(body)), 'B')) STORED
);
CREATE INDEX ix_search_products_document ON search_products USING gin (document);
CREATE INDEX ix_search_products_exact ON search_products USING gin (exact);
CREATE INDEX ix_search_products_price ON search_products (price);
CREATE INDEX ix_search_products_published_at ON search_products (published_at);
CREATE INDEX ix_search_products_name_folded ON search_products (name_folded);

-- Every folded word the index holds, for typo candidates (trigram similarity).
CREATE TABLE search_terms (
    term varchar(100) NOT NULL PRIMARY KEY
);
CREATE INDEX ix_search_terms_trgm ON search_terms USING gin (term gin_trgm_ops);
