-- Search, second form (measured in docs/benchmarks.md, "Pages fans share and find"). V15 matched the title and the
-- owner's name in one OR; the planner could not combine an index on videos with one on users, so it walked the
-- newest videos unaccenting every title: fast for a common word, ~0.4 s for a rare one or for no match — and a
-- random search bypasses every cache. Now each video stores what a search reads, already normalised: its title and
-- its owner's names in both public forms ("ana perez", "ana p."). One trigram index on one column lets the planner
-- choose, with its statistics, between walking the newest (common words) and the index (rare words), and every check
-- compares stored text.
DROP INDEX videos_title_search_idx;
DROP INDEX users_name_search_idx;

CREATE FUNCTION searchable_names(first_name text, last_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN search_key(first_name || ' ' || last_name) || ' | '
           || search_key(first_name || ' ' || left(btrim(last_name), 1) || '.');

ALTER TABLE videos ADD COLUMN search_text text;

CREATE FUNCTION video_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_text := search_key(NEW.title) || ' | '
        || coalesce((SELECT searchable_names(first_name, last_name) FROM users WHERE id = NEW.owner_id), '');
    RETURN NEW;
END $$;

CREATE TRIGGER videos_search_text BEFORE INSERT OR UPDATE OF title, owner_id ON videos
    FOR EACH ROW EXECUTE FUNCTION video_search_text();

CREATE FUNCTION owner_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE videos SET search_text = search_key(title) || ' | ' || searchable_names(NEW.first_name, NEW.last_name)
     WHERE owner_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER users_search_text AFTER UPDATE OF first_name, last_name ON users
    FOR EACH ROW EXECUTE FUNCTION owner_search_text();

UPDATE videos v SET search_text = search_key(v.title) || ' | ' || searchable_names(u.first_name, u.last_name)
  FROM users u WHERE u.id = v.owner_id;

CREATE INDEX videos_search_idx ON videos USING gin (search_text gin_trgm_ops) WHERE published_at IS NOT NULL;
