-- Access tokens their holders logged out with: refused until they would have expired anyway, then forgotten.
CREATE TABLE revoked_tokens (
    jti        uuid        PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_tokens_expiry_idx ON revoked_tokens (expires_at);
