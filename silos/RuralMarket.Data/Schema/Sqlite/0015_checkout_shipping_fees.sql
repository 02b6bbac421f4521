-- The parcel fee each cooperative's order was quoted at checkout (JSON list); a checkout from before quotes has none.
ALTER TABLE checkouts ADD COLUMN shipping_fees TEXT NOT NULL DEFAULT '[]';
