-- Rankings read from player_scores: one row per player with at least one published video, kept exact by
-- triggers in the same transaction as the vote or the publication. A ranking page is then an index range
-- scan instead of an aggregation over a million votes (see docs/decisions/0003-rankings.md).

CREATE TABLE player_scores (
    user_id      uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    city_key     text        NOT NULL,
    votes        bigint      NOT NULL DEFAULT 0 CHECK (votes >= 0),
    signed_up_at timestamptz NOT NULL
);
-- Order of the ranking: most votes first; ties go to the player who signed up first, then by id.
CREATE INDEX player_scores_rank_idx ON player_scores (votes DESC, signed_up_at, user_id);
CREATE INDEX player_scores_city_rank_idx ON player_scores (city_key, votes DESC, signed_up_at, user_id);

CREATE FUNCTION city_key(city text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(btrim(city));

-- A vote counts for its video and for the video's owner.
CREATE FUNCTION count_vote() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta bigint := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
    video_row videos%ROWTYPE;
BEGIN
    UPDATE videos SET vote_count = vote_count + delta
     WHERE id = COALESCE(NEW.video_id, OLD.video_id)
    RETURNING * INTO video_row;
    IF FOUND AND video_row.published_at IS NOT NULL THEN
        UPDATE player_scores SET votes = votes + delta WHERE user_id = video_row.owner_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER votes_count AFTER INSERT OR DELETE ON votes
    FOR EACH ROW EXECUTE FUNCTION count_vote();

-- Publishing a video enters its owner in the ranking (with the votes it already has);
-- removing a published video takes its votes away again.
CREATE FUNCTION track_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.published_at IS NULL AND NEW.published_at IS NOT NULL THEN
        INSERT INTO player_scores (user_id, city_key, votes, signed_up_at)
        SELECT u.id, city_key(u.city), NEW.vote_count, u.created_at FROM users u WHERE u.id = NEW.owner_id
        ON CONFLICT (user_id) DO UPDATE SET votes = player_scores.votes + EXCLUDED.votes;
    ELSIF TG_OP = 'DELETE' AND OLD.published_at IS NOT NULL THEN
        UPDATE player_scores SET votes = votes - OLD.vote_count WHERE user_id = OLD.owner_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER videos_publication AFTER UPDATE OF published_at OR DELETE ON videos
    FOR EACH ROW EXECUTE FUNCTION track_publication();
