-- Product search index for the embedded default (SQLite FTS5). Owned by RuralMarket.Search's SQLite adapter,
-- filled from the outbox by the silo. Folded columns hold text already folded by VietnameseText.Fold
-- (diacritics removed, đ → d); exact columns keep the diacritics so exact matches can rank first.

CREATE TABLE search_products (
    product_id TEXT NOT NULL PRIMARY KEY,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    name_sort TEXT NOT NULL,
    category TEXT NOT NULL,
    unit TEXT NOT NULL,
    net_weight_grams INTEGER NOT NULL,
    price INTEGER NOT NULL,
    in_stock INTEGER NOT NULL,
    ocop_stars INTEGER,
    ocop_expires_on TEXT,
    published_at INTEGER NOT NULL,
    cooperative_slug TEXT NOT NULL,
    cooperative_name TEXT NOT NULL,
    province_code TEXT NOT NULL,
    province_name TEXT NOT NULL,
    photo_key TEXT
);
CREATE INDEX ix_search_products_price ON search_products (price);
CREATE INDEX ix_search_products_published_at ON search_products (published_at);
CREATE INDEX ix_search_products_name_sort ON search_products (name_sort);

-- rowid matches search_products.rowid.
CREATE VIRTUAL TABLE search_products_fts USING fts5 (
    name_folded, body_folded, name_exact, body_exact,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3 4'
);

CREATE VIRTUAL TABLE search_products_vocab USING fts5vocab (search_products_fts, 'row');
