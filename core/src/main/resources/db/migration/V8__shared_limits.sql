-- Limits that belong to the deployment, not to one API instance (issue 23).

-- Bucket4j's token buckets (PostgreSQLSelectForUpdateBasedProxyManager): one row per budget and key, locked with
-- SELECT ... FOR UPDATE while a take is computed, so every instance draws on the same budget and a restart keeps it.
-- expires_at (epoch ms) is when a bucket would be full again anyway: rows past it are swept.
CREATE TABLE rate_limit_buckets (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_buckets_expiry ON rate_limit_buckets (expires_at);

-- Bytes promised to uploads in flight: the daily quota counts them with the stored videos, under the owner's lock,
-- so parallel uploads cannot all pass one check. A reservation ends with its upload; a crash leaves one that expires.
CREATE TABLE upload_reservations (
    id          uuid PRIMARY KEY,
    owner_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    bytes       bigint NOT NULL CHECK (bytes >= 0),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX upload_reservations_owner ON upload_reservations (owner_id, expires_at);
