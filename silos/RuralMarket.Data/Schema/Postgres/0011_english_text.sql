-- A product may carry an English name and description for buyers abroad; empty means none (pages show the Vietnamese).
ALTER TABLE products ADD COLUMN english_name varchar(200) NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN english_description text NOT NULL DEFAULT '';

-- The search index shows the English name on English pages and ranks it like the name ("honey" finds mật ong);
-- the English description is part of body. The generated vectors are rebuilt to include name_en.
ALTER TABLE search_products ADD COLUMN name_en varchar(200);
ALTER TABLE search_products DROP COLUMN document;
ALTER TABLE search_products DROP COLUMN exact;
ALTER TABLE search_products ADD COLUMN document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', rm_fold(name || ' ' || coalesce(name_en, ''))), 'A')
    || setweight(to_tsvector('simple', rm_fold(body)), 'B')) STORED;
ALTER TABLE search_products ADD COLUMN exact tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', lower(name || ' ' || coalesce(name_en, ''))), 'A')
    || setweight(to_tsvector('simple', lower(body)), 'B')) STORED;
CREATE INDEX ix_search_products_document ON search_products USING gin (document);
CREATE INDEX ix_search_products_exact ON search_products USING gin (exact);
