-- Payouts to cooperatives, and the product each ledger entry of a sale comes from (a household's earnings per product).
ALTER TABLE ledger_lines ADD COLUMN product_id TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
DROP INDEX ix_ledger_lines_posting_account_side;
CREATE UNIQUE INDEX ix_ledger_lines_posting_account_side_product_id ON ledger_lines (posting, account, side, product_id);

CREATE TABLE payout_runs (
    id TEXT NOT NULL CONSTRAINT pk_payout_runs PRIMARY KEY,
    cooperative_id TEXT NOT NULL REFERENCES cooperatives (id),
    drawn_on TEXT NOT NULL,
    drawn_at INTEGER NOT NULL,
    account_bank_bin TEXT NOT NULL,
    account_account_number TEXT NOT NULL,
    account_holder_name TEXT NOT NULL,
    status TEXT NOT NULL,
    bank_reference TEXT NOT NULL,
    paid_at INTEGER NULL,
    version INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_payout_runs_cooperative_id_drawn_on ON payout_runs (cooperative_id, drawn_on);
CREATE INDEX ix_payout_runs_status_drawn_at ON payout_runs (status, drawn_at);

CREATE TABLE payout_lines (
    id INTEGER NOT NULL CONSTRAINT pk_payout_lines PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL CONSTRAINT fk_payout_lines_payout_runs_run_id REFERENCES payout_runs (id) ON DELETE CASCADE,
    order_id TEXT NOT NULL,
    order_code TEXT NOT NULL,
    account TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0)
);
-- An order's share is paid once, ever: the backstop behind the settled-money query.
CREATE UNIQUE INDEX ix_payout_lines_order_id_account ON payout_lines (order_id, account);
CREATE INDEX ix_payout_lines_run_id ON payout_lines (run_id);
CREATE INDEX ix_payout_lines_account ON payout_lines (account);
