-- Money given back to the buyers of prepaid orders: requested, then sent (the card provider's refund, or a transfer by hand).
CREATE TABLE order_refunds (
    id INTEGER NOT NULL CONSTRAINT pk_order_refunds PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL CONSTRAINT fk_order_refunds_orders_order_id REFERENCES orders (id) ON DELETE CASCADE,
    refund_id TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    product_ids TEXT NOT NULL,
    payee_bank_bin TEXT NULL,
    payee_account_number TEXT NULL,
    payee_holder_name TEXT NULL,
    reason TEXT NOT NULL,
    requested_at INTEGER NOT NULL,
    reference TEXT NOT NULL,
    sent_at INTEGER NULL
);
CREATE UNIQUE INDEX ix_order_refunds_refund_id ON order_refunds (refund_id);
CREATE INDEX ix_order_refunds_order_id ON order_refunds (order_id);
CREATE INDEX ix_order_refunds_sent_at ON order_refunds (sent_at);
