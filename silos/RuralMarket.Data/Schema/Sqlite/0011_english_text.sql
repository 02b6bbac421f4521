-- A product may carry an English name and description for buyers abroad; empty means none (pages show the Vietnamese).
ALTER TABLE products ADD COLUMN english_name TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN english_description TEXT NOT NULL DEFAULT '';

-- The search index shows the English name on English pages; the FTS name columns hold both names (written by the
-- SQLite adapter), the body columns the English description too.
ALTER TABLE search_products ADD COLUMN name_en TEXT;
