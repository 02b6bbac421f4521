-- The producing households' shares each order line was sold under (JSON list); lines sold before have none.
ALTER TABLE order_lines ADD COLUMN producers text NOT NULL DEFAULT '[]';
