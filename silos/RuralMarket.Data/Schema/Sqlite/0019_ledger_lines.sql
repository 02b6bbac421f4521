-- The ledger: every movement of money as balanced postings in whole đồng.
CREATE TABLE ledger_lines (
    id INTEGER NOT NULL CONSTRAINT pk_ledger_lines PRIMARY KEY AUTOINCREMENT,
    posting TEXT NOT NULL,
    order_id TEXT NULL,
    account TEXT NOT NULL,
    side TEXT NOT NULL,
    amount INTEGER NOT NULL,
    posted_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_ledger_lines_posting_account_side ON ledger_lines (posting, account, side);
CREATE INDEX ix_ledger_lines_account_posted_at ON ledger_lines (account, posted_at);
CREATE INDEX ix_ledger_lines_order_id ON ledger_lines (order_id);
