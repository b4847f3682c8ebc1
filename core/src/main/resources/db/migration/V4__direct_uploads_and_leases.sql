-- A direct upload between its signed form and its completion. Completion claims the row in one conditional
-- UPDATE, so of two concurrent completions exactly one proceeds; rows whose form expired are swept with their
-- staging objects; a player's pending rows are counted against a limit.
CREATE TABLE direct_uploads (
    video_id      uuid        PRIMARY KEY,
    owner_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    staging_key   text        NOT NULL,
    expires_at    timestamptz NOT NULL,
    completing_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX direct_uploads_owner_idx ON direct_uploads (owner_id, expires_at);
CREATE INDEX direct_uploads_expiry_idx ON direct_uploads (expires_at);

-- A worker's lease on a video it is processing: taken with the claim, renewed while it works, and taken over by
-- another worker only once it has expired (the holder died), so two workers never encode one video at once.
ALTER TABLE videos ADD COLUMN lease_id uuid, ADD COLUMN lease_expires_at timestamptz;
CREATE INDEX videos_processing_lease_idx ON videos (lease_expires_at) WHERE status = 'processing';
