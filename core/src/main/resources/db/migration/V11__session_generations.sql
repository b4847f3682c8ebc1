-- Ending sessions on every instance at once (issue 23): each token carries the account's session generation when it
-- was issued; a password reset or change moves the generation on, and every request compares (one query, as for
-- sanctions). A change keeps the session that made it (kept_session = its token id); a reset keeps none.
ALTER TABLE users ADD COLUMN session_generation integer NOT NULL DEFAULT 0,
                  ADD COLUMN kept_session       uuid;
