-- A solved ALTCHA challenge is good for one sign-up (issue 23): its signature is recorded when used, until it expires.
CREATE TABLE used_challenges (
    signature   text PRIMARY KEY,
    expires_at  timestamptz NOT NULL
);
