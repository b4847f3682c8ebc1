-- Players, their videos and the public's votes. Every invariant the API relies on lives here,
-- so it holds under concurrency and whichever code path writes.

CREATE TABLE users (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    first_name    text        NOT NULL CHECK (length(btrim(first_name)) BETWEEN 1 AND 100),
    last_name     text        NOT NULL CHECK (length(btrim(last_name)) BETWEEN 1 AND 100),
    email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    password_hash text        NOT NULL,
    city          text        NOT NULL CHECK (length(btrim(city)) BETWEEN 1 AND 100),
    country       text        NOT NULL CHECK (length(btrim(country)) BETWEEN 1 AND 100),
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- One account per e-mail address, whatever its case.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

CREATE TABLE videos (
    id                uuid        PRIMARY KEY,
    owner_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title             text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    status            text        NOT NULL DEFAULT 'uploaded'
                                  CHECK (status IN ('uploaded', 'processing', 'processed', 'failed')),
    original_key      text        NOT NULL,
    original_bytes    bigint      NOT NULL CHECK (original_bytes > 0),
    processed_key     text,
    poster_key        text,
    failure_reason    text,
    publish_when_processed boolean NOT NULL DEFAULT true,
    vote_count        bigint      NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    uploaded_at       timestamptz NOT NULL DEFAULT now(),
    last_enqueued_at  timestamptz NOT NULL DEFAULT now(),
    processing_started_at timestamptz,
    processed_at      timestamptz,
    published_at      timestamptz,
    CHECK (status <> 'processed' OR (processed_key IS NOT NULL AND processed_at IS NOT NULL)),
    CHECK (status <> 'failed' OR failure_reason IS NOT NULL),
    CHECK (published_at IS NULL OR status = 'processed')
);
CREATE INDEX videos_owner_uploaded_idx ON videos (owner_id, uploaded_at, id);
CREATE INDEX videos_published_idx ON videos (published_at, id) WHERE published_at IS NOT NULL;
-- The sweeper looks for uploads that have waited too long for a worker.
CREATE INDEX videos_waiting_idx ON videos (last_enqueued_at) WHERE status = 'uploaded';

CREATE TABLE votes (
    video_id   uuid        NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (video_id, user_id)
);
CREATE INDEX votes_user_idx ON votes (user_id);
