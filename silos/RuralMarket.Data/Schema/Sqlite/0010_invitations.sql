-- Access offered to an account and not yet accepted by its owner (the team page's invitations).
CREATE TABLE cooperative_invitations (
    id INTEGER NOT NULL CONSTRAINT pk_cooperative_invitations PRIMARY KEY AUTOINCREMENT,
    cooperative_id TEXT NOT NULL CONSTRAINT fk_cooperative_invitations_cooperatives_cooperative_id REFERENCES cooperatives (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL CONSTRAINT fk_cooperative_invitations_accounts_account_id REFERENCES accounts (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    sign_in_name TEXT NOT NULL,
    invited_by TEXT NOT NULL,
    invited_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_cooperative_invitations_cooperative_id_account_id ON cooperative_invitations (cooperative_id, account_id);
CREATE INDEX ix_cooperative_invitations_account_id ON cooperative_invitations (account_id);
