-- Votes are counted per statement, not per row. The API writes the votes that arrive together in one INSERT
-- (VoteWriter), and each video's and player's counter moves once per statement by the sum, so a star's two rows are
-- locked once per batch instead of once per vote (issue 15: with a lock per vote, fans of one star got half the
-- votes/s of fans spread over many). Still exact: the counters change in the same transaction as the votes.
-- Rows are locked in id order, videos before players (as a publication does), so two batches never deadlock.
DROP TRIGGER votes_count ON votes;
DROP FUNCTION count_vote();

CREATE FUNCTION add_votes(changed_videos uuid[], deltas bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    owners uuid[];
    owner_deltas bigint[];
BEGIN
    PERFORM 1 FROM videos WHERE id = ANY (changed_videos) ORDER BY id FOR NO KEY UPDATE;
    WITH counted AS (UPDATE videos v SET vote_count = v.vote_count + c.delta
                       FROM unnest(changed_videos, deltas) AS c(video_id, delta)
                      WHERE v.id = c.video_id
                  RETURNING v.owner_id, v.published_at, c.delta)
    SELECT array_agg(owner_id ORDER BY owner_id), array_agg(delta ORDER BY owner_id) INTO owners, owner_deltas
      FROM (SELECT owner_id, sum(delta)::bigint AS delta FROM counted WHERE published_at IS NOT NULL
             GROUP BY owner_id) per_player;
    IF owners IS NULL THEN
        RETURN;
    END IF;
    PERFORM 1 FROM player_scores WHERE user_id = ANY (owners) ORDER BY user_id FOR NO KEY UPDATE;
    UPDATE player_scores s SET votes = s.votes + p.delta
      FROM unnest(owners, owner_deltas) AS p(owner_id, delta)
     WHERE s.user_id = p.owner_id;
END $$;

CREATE FUNCTION count_votes_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_votes(array_agg(video_id), array_agg(n)) FROM (SELECT video_id, count(*) AS n FROM added
                                                                GROUP BY video_id) per_video;
    RETURN NULL;
END $$;

CREATE FUNCTION count_votes_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_votes(array_agg(video_id), array_agg(-n)) FROM (SELECT video_id, count(*) AS n FROM removed
                                                                 GROUP BY video_id) per_video;
    RETURN NULL;
END $$;

CREATE TRIGGER votes_added AFTER INSERT ON votes REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION count_votes_added();
CREATE TRIGGER votes_removed AFTER DELETE ON votes REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION count_votes_removed();
