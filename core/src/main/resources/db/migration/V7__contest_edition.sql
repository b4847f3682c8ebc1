-- Running a contest edition (issue 22): staff roles and sanctions, the edition's settings, moderation, reports,
-- votes under review, frozen results, the audit log and cities that group whatever their spelling. With no edition
-- row every rule below is inert, so the assignment's flows behave exactly as before.

-- Staff and sanctions. Every sign-up is a player; organizers grant the other roles. A suspension may end by itself.
ALTER TABLE users
    ADD COLUMN role              text NOT NULL DEFAULT 'player' CHECK (role IN ('player', 'moderator', 'organizer')),
    ADD COLUMN account_status    text NOT NULL DEFAULT 'active' CHECK (account_status IN ('active', 'suspended', 'banned')),
    ADD COLUMN suspended_until   timestamptz,
    ADD COLUMN sanction_reason   text,
    -- Set when the owner confirms the address (issue 23); until then an account reads as unconfirmed.
    ADD COLUMN email_verified_at timestamptz;

-- One mailbox, one key: case; and for Gmail, dots and +tags, which Gmail ignores.
CREATE FUNCTION email_key(email text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN split_part(lower(btrim(email)), '@', 2) IN ('gmail.com', 'googlemail.com')
                THEN replace(split_part(split_part(lower(btrim(email)), '@', 1), '+', 1), '.', '') || '@gmail.com'
                ELSE lower(btrim(email)) END;

-- A ban bars the mailbox, not only the row: a new sign-up with the same normalised address is refused.
CREATE TABLE banned_emails (
    email_key text        PRIMARY KEY,
    user_id   uuid        NOT NULL,
    banned_at timestamptz NOT NULL DEFAULT now()
);

-- Whether the account may act now: a suspension with an end is over once the end has passed.
CREATE FUNCTION account_active(status text, until timestamptz) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN status = 'active' OR (status = 'suspended' AND until IS NOT NULL AND until <= now());

-- The edition. One row at most is current (the newest); none means no edition: everything open, nothing moderated.
CREATE TABLE contest (
    id                     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                   text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    entries_open_at        timestamptz,
    entries_close_at       timestamptz,
    voting_open_at         timestamptz,
    voting_close_at        timestamptz,
    counts_hidden_from     timestamptz,
    max_entries_per_player integer     CHECK (max_entries_per_player BETWEEN 1 AND 100),
    moderation             text        NOT NULL DEFAULT 'post' CHECK (moderation IN ('post', 'pre')),
    rules                  text        CHECK (length(rules) <= 20000),
    signup_challenge       boolean     NOT NULL DEFAULT false,
    consent_required       boolean     NOT NULL DEFAULT false,
    privacy_notice_version text        CHECK (length(privacy_notice_version) <= 50),
    alert_threshold        integer     NOT NULL DEFAULT 50 CHECK (alert_threshold BETWEEN 1 AND 100),
    -- The edition's secret for voters' pseudonyms in ballots.csv (an HMAC key): never sent to any client.
    ballot_key             bytea       NOT NULL CHECK (length(ballot_key) = 32),
    results_published_at   timestamptz,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CHECK (entries_open_at IS NULL OR entries_close_at IS NULL OR entries_open_at < entries_close_at),
    CHECK (voting_open_at IS NULL OR voting_close_at IS NULL OR voting_open_at < voting_close_at),
    CHECK (results_published_at IS NULL OR voting_close_at IS NOT NULL)
);

CREATE FUNCTION pre_moderation() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN coalesce((SELECT moderation = 'pre' FROM contest ORDER BY id DESC LIMIT 1), false);

-- Moderation of videos. A disqualified video is unpublished (it leaves the gallery and the rankings through the
-- publication trigger), keeps its votes, and may be appealed once.
ALTER TABLE videos
    ADD COLUMN approved_at             timestamptz,
    ADD COLUMN disqualified_at         timestamptz,
    ADD COLUMN disqualification_reason text,
    ADD COLUMN appeal_message          text CHECK (length(appeal_message) <= 2000),
    ADD COLUMN appealed_at             timestamptz,
    ADD COLUMN appeal_decided_at       timestamptz,
    ADD CONSTRAINT videos_disqualified_unpublished CHECK (disqualified_at IS NULL OR published_at IS NULL),
    ADD CONSTRAINT videos_disqualified_has_reason CHECK (disqualified_at IS NULL OR disqualification_reason IS NOT NULL);

-- The one place that decides whether a video may go public, whichever path publishes it (the worker on success,
-- the owner's publish, a moderator's approval): never while disqualified; under pre-moderation, only once approved.
CREATE FUNCTION gate_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.published_at IS NOT NULL AND OLD.published_at IS NULL
       AND (NEW.disqualified_at IS NOT NULL OR (NEW.approved_at IS NULL AND pre_moderation())) THEN
        NEW.published_at := NULL;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER videos_publication_gate BEFORE UPDATE OF published_at ON videos
    FOR EACH ROW EXECUTE FUNCTION gate_publication();

-- Reports: one per reporter and video (a second counts once); they never hide a video by themselves.
CREATE TABLE reports (
    video_id    uuid        NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    reporter_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason      text        NOT NULL CHECK (reason IN ('copyright', 'impersonation', 'offensive', 'violence',
                                                       'sexual_content', 'minor_safety', 'not_basketball',
                                                       'spam', 'other')),
    details     text        CHECK (length(details) <= 1000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    outcome     text        CHECK (outcome IN ('kept', 'disqualified')),
    PRIMARY KEY (video_id, reporter_id),
    CHECK ((resolved_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX reports_open_idx ON reports (video_id, created_at) WHERE resolved_at IS NULL;
CREATE INDEX reports_reporter_idx ON reports (reporter_id, created_at);

-- Votes under review. A vote counts unless it is held (its account is unconfirmed, issue 23) or voided by an
-- organizer; voided votes stay stored so that a restore gives back exactly what was voided. The network is the
-- voter's address prefix (/24, or /48 for IPv6), never the address.
ALTER TABLE votes
    ADD COLUMN network   text,
    ADD COLUMN held      boolean NOT NULL DEFAULT false,
    ADD COLUMN voided_at timestamptz;
CREATE INDEX votes_video_time_idx ON votes (video_id, created_at);

-- Counters move by the votes that count: inserted and deleted rows as before, and now updated ones (void, restore,
-- release of held votes) by the difference between what counted before and after, once per statement.
CREATE OR REPLACE FUNCTION count_votes_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_votes(array_agg(video_id), array_agg(n)) FROM (SELECT video_id, count(*) AS n FROM added
                                                                WHERE voided_at IS NULL AND NOT held
                                                                GROUP BY video_id) per_video;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION count_votes_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_votes(array_agg(video_id), array_agg(-n)) FROM (SELECT video_id, count(*) AS n FROM removed
                                                                 WHERE voided_at IS NULL AND NOT held
                                                                 GROUP BY video_id) per_video;
    RETURN NULL;
END $$;

CREATE FUNCTION count_votes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_votes(array_agg(video_id), array_agg(delta))
       FROM (SELECT video_id, sum(d)::bigint AS delta
               FROM (SELECT video_id, 1 AS d FROM after WHERE voided_at IS NULL AND NOT held
                     UNION ALL
                     SELECT video_id, -1 FROM before WHERE voided_at IS NULL AND NOT held) moves
              GROUP BY video_id HAVING sum(d) <> 0) per_video;
    RETURN NULL;
END $$;

CREATE TRIGGER votes_changed AFTER UPDATE ON votes REFERENCING OLD TABLE AS before NEW TABLE AS after
    FOR EACH STATEMENT EXECUTE FUNCTION count_votes_changed();

-- Publication and the ranking: publishing enters the owner (as before); unpublishing (a disqualification) or
-- deleting a published video takes its votes away, and a player with nothing published left leaves the ranking.
CREATE OR REPLACE FUNCTION track_publication() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    leaving videos%ROWTYPE;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.published_at IS NULL AND NEW.published_at IS NOT NULL THEN
        INSERT INTO player_scores (user_id, city_key, votes, signed_up_at)
        SELECT u.id, city_key(u.city), NEW.vote_count, u.created_at FROM users u WHERE u.id = NEW.owner_id
        ON CONFLICT (user_id) DO UPDATE SET votes = player_scores.votes + EXCLUDED.votes;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.published_at IS NOT NULL AND NEW.published_at IS NULL THEN
        leaving := NEW;
    ELSIF TG_OP = 'DELETE' AND OLD.published_at IS NOT NULL THEN
        leaving := OLD;
    ELSE
        RETURN NULL;
    END IF;
    IF EXISTS (SELECT 1 FROM videos WHERE owner_id = leaving.owner_id AND published_at IS NOT NULL
                                      AND id <> leaving.id) THEN
        UPDATE player_scores SET votes = votes - leaving.vote_count WHERE user_id = leaving.owner_id;
    ELSE
        DELETE FROM player_scores WHERE user_id = leaving.owner_id;
    END IF;
    RETURN NULL;
END $$;

-- Cities group ignoring case, accents and spacing ("Bogotá", "bogota ", "BOGOTA", "Bogo tá"). translate() instead
-- of the unaccent extension: IMMUTABLE (indexable) and nothing to install on RDS or in the embedded server.
CREATE OR REPLACE FUNCTION city_key(city text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(translate(lower(city), 'áàâäãåéèêëíìîïóòôöõúùûüñçý', 'aaaaaaeeeeiiiiooooouuuuncy'),
                          '\s+', '', 'g');
REINDEX INDEX users_city_key_idx;
UPDATE player_scores s SET city_key = city_key(u.city) FROM users u WHERE u.id = s.user_id;

-- Spellings an organizer merged into another city: sign-ups and filters with the alias land in the target.
CREATE TABLE city_aliases (
    alias_key text        PRIMARY KEY,
    city      text        NOT NULL,
    merged_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION canonical_city_key(spelling text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN coalesce((SELECT city_key(a.city) FROM city_aliases a WHERE a.alias_key = city_key(spelling)),
                    city_key(spelling));

-- Frozen results: the standings and every counted ballot at the moment of publication, never recomputed.
CREATE TABLE result_standings (
    contest_id    bigint NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    user_id       uuid   NOT NULL,
    username      text   NOT NULL,
    city          text   NOT NULL,
    city_key      text   NOT NULL,
    position      bigint NOT NULL,
    city_position bigint NOT NULL,
    votes         bigint NOT NULL,
    held          bigint NOT NULL,
    void          bigint NOT NULL,
    best_video_id uuid   NOT NULL,
    PRIMARY KEY (contest_id, user_id)
);
CREATE INDEX result_standings_position_idx ON result_standings (contest_id, position);
CREATE INDEX result_standings_city_idx ON result_standings (contest_id, city_key, city_position);

CREATE TABLE result_ballots (
    contest_id bigint NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    video_id   uuid   NOT NULL,
    ballot     text   NOT NULL
);
CREATE INDEX result_ballots_file_order_idx ON result_ballots (contest_id, video_id, ballot);

-- Every staff action, append-only. The application's own role may add and read entries, never change or remove
-- them: the privileges are revoked (also from the owner, which the application logs in as) and a trigger refuses
-- anyway, should someone grant them back.
CREATE TABLE audit_log (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    staff_id    uuid        NOT NULL,
    staff_email text        NOT NULL,
    action      text        NOT NULL,
    target      text,
    reason      text,
    note        text
);
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER;

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- The edition's cap on live entries per player (not failed, not disqualified), checked where the row is written so
-- that parallel uploads through any instance cannot pass it together: the owner's advisory lock makes the count and
-- the insert one step. SQLSTATE ANB01 tells the API which refusal to answer (409).
CREATE FUNCTION limit_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    max_entries integer := (SELECT max_entries_per_player FROM contest ORDER BY id DESC LIMIT 1);
BEGIN
    IF max_entries IS NULL THEN
        RETURN NEW;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('entries:' || NEW.owner_id, 0));
    IF (SELECT count(*) FROM videos WHERE owner_id = NEW.owner_id AND status <> 'failed'
                                      AND disqualified_at IS NULL) >= max_entries THEN
        RAISE EXCEPTION 'the player already has % live entries', max_entries USING ERRCODE = 'ANB01';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER videos_entry_limit BEFORE INSERT ON videos FOR EACH ROW EXECUTE FUNCTION limit_entries();
