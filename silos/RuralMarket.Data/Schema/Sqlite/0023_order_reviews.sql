-- Buyers' reviews of delivered order lines, the cooperative's answers, and the admin's hiding (kept, not deleted).
CREATE TABLE order_reviews (
    id INTEGER NOT NULL CONSTRAINT pk_order_reviews PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL CONSTRAINT fk_order_reviews_orders_order_id REFERENCES orders (id) ON DELETE CASCADE,
    product_id TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text TEXT NOT NULL,
    reviewer_name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    answer TEXT NOT NULL,
    answered_at INTEGER NULL,
    hidden_at INTEGER NULL,
    hidden_reason TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_order_reviews_order_id_product_id ON order_reviews (order_id, product_id);
CREATE INDEX ix_order_reviews_product_id_created_at ON order_reviews (product_id, created_at);
CREATE INDEX ix_order_reviews_created_at ON order_reviews (created_at);
