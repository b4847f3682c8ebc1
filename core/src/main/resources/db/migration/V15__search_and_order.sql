-- Search and order for the gallery (issue 24). A fan types "jose" and finds "José": titles and players' names are
-- compared lower case with accents removed, through trigram indexes so a match anywhere in the text ("cali" in
-- "Mejores jugadas en Cali") is an index lookup, not a scan (measured against a scan of a normalised column in
-- docs/benchmarks.md; decision 0018). Both extensions are trusted: the migrating role needs no superuser, in RDS
-- or in the embedded server.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent(text) is only STABLE (it reads a dictionary chosen by search_path), so it cannot be indexed; naming the
-- dictionary makes the result depend on the argument alone. The body is bound when created, whatever the path later.
CREATE FUNCTION search_key(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(unaccent('unaccent'::regdictionary, $1));

CREATE INDEX videos_title_search_idx ON videos USING gin (search_key(title) gin_trgm_ops)
    WHERE published_at IS NOT NULL;
-- The full name narrows the candidates; the query then matches the public name (a minor's "Ana P."), so a minor's
-- last name is never a way to find them.
CREATE INDEX users_name_search_idx ON users USING gin (search_key(first_name || ' ' || last_name) gin_trgm_ops);

-- sort=votes reads a page off this index as sort=newest does off videos_published_idx.
CREATE INDEX videos_by_votes_idx ON videos (vote_count DESC, published_at DESC, id DESC)
    WHERE published_at IS NOT NULL;
