-- Accounts (ASP.NET Core Identity under our table names), who may act for which cooperative, and the activity
-- log of the portal. Generated from the EF model, then given the foreign keys EF does not know about.
CREATE TABLE accounts (
    id TEXT NOT NULL CONSTRAINT pk_accounts PRIMARY KEY,
    display_name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    user_name TEXT NULL,
    normalized_user_name TEXT NULL,
    email TEXT NULL,
    normalized_email TEXT NULL,
    email_confirmed INTEGER NOT NULL,
    password_hash TEXT NULL,
    security_stamp TEXT NULL,
    concurrency_stamp TEXT NULL,
    phone_number TEXT NULL,
    phone_number_confirmed INTEGER NOT NULL,
    two_factor_enabled INTEGER NOT NULL,
    lockout_end INTEGER NULL,
    lockout_enabled INTEGER NOT NULL,
    access_failed_count INTEGER NOT NULL
);

CREATE TABLE activity_log (
    id INTEGER NOT NULL CONSTRAINT pk_activity_log PRIMARY KEY AUTOINCREMENT,
    cooperative_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    account_name TEXT NOT NULL,
    acting_as TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    at INTEGER NOT NULL
);

CREATE TABLE cooperative_access (
    id INTEGER NOT NULL CONSTRAINT pk_cooperative_access PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL CONSTRAINT fk_cooperative_access_accounts_account_id REFERENCES accounts (id) ON DELETE CASCADE,
    cooperative_id TEXT NOT NULL CONSTRAINT fk_cooperative_access_cooperatives_cooperative_id REFERENCES cooperatives (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    granted_by TEXT NULL,
    granted_at INTEGER NOT NULL
);

CREATE TABLE roles (
    id TEXT NOT NULL CONSTRAINT pk_roles PRIMARY KEY,
    name TEXT NULL,
    normalized_name TEXT NULL,
    concurrency_stamp TEXT NULL
);

CREATE TABLE account_claims (
    id INTEGER NOT NULL CONSTRAINT pk_account_claims PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    claim_type TEXT NULL,
    claim_value TEXT NULL,
    CONSTRAINT fk_account_claims_accounts_user_id FOREIGN KEY (user_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE TABLE account_logins (
    login_provider TEXT NOT NULL,
    provider_key TEXT NOT NULL,
    provider_display_name TEXT NULL,
    user_id TEXT NOT NULL,
    CONSTRAINT pk_account_logins PRIMARY KEY (login_provider, provider_key),
    CONSTRAINT fk_account_logins_accounts_user_id FOREIGN KEY (user_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE TABLE account_tokens (
    user_id TEXT NOT NULL,
    login_provider TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NULL,
    CONSTRAINT pk_account_tokens PRIMARY KEY (user_id, login_provider, name),
    CONSTRAINT fk_account_tokens_accounts_user_id FOREIGN KEY (user_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE TABLE account_roles (
    user_id TEXT NOT NULL,
    role_id TEXT NOT NULL,
    CONSTRAINT pk_account_roles PRIMARY KEY (user_id, role_id),
    CONSTRAINT fk_account_roles_accounts_user_id FOREIGN KEY (user_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT fk_account_roles_roles_role_id FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
);

CREATE TABLE role_claims (
    id INTEGER NOT NULL CONSTRAINT pk_role_claims PRIMARY KEY AUTOINCREMENT,
    role_id TEXT NOT NULL,
    claim_type TEXT NULL,
    claim_value TEXT NULL,
    CONSTRAINT fk_role_claims_roles_role_id FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
);

CREATE INDEX ix_account_claims_user_id ON account_claims (user_id);

CREATE INDEX ix_account_logins_user_id ON account_logins (user_id);

CREATE INDEX ix_account_roles_role_id ON account_roles (role_id);

CREATE INDEX email_index ON accounts (normalized_email);

CREATE INDEX ix_accounts_phone_number ON accounts (phone_number);

CREATE UNIQUE INDEX user_name_index ON accounts (normalized_user_name);

CREATE INDEX ix_activity_log_cooperative_id_at ON activity_log (cooperative_id, at);

CREATE UNIQUE INDEX ix_cooperative_access_account_id_cooperative_id ON cooperative_access (account_id, cooperative_id);

CREATE INDEX ix_cooperative_access_cooperative_id ON cooperative_access (cooperative_id);

CREATE INDEX ix_role_claims_role_id ON role_claims (role_id);

CREATE UNIQUE INDEX role_name_index ON roles (normalized_name);
