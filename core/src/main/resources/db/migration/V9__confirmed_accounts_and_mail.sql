-- Accounts people can trust (issue 23): single-use links and the mail that carries them.

-- A link's token is never stored, only its SHA-256: a copy of the database opens no account.
CREATE TABLE account_tokens (
    token_hash  text PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('verify', 'reset', 'guardian')),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);

-- The outbox: a mail is written in the same transaction as the action that causes it, and a sender on any API
-- instance delivers it (FOR UPDATE SKIP LOCKED), retrying with backoff. At least once; never blocking the action.
CREATE TABLE mail_outbox (
    id               uuid PRIMARY KEY,
    recipient        text NOT NULL,
    subject          text NOT NULL,
    body             text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    last_error       text
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
