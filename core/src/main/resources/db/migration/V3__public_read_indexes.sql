-- The public gallery pages newest-first: an index in exactly that order (both keys descending) lets a page be an
-- index walk instead of a sort of every published video; the city filter finds its players by index.
-- Measured by ReadHeavySimulation (docs/benchmarks.md).
DROP INDEX videos_published_idx;
CREATE INDEX videos_published_idx ON videos (published_at DESC, id DESC) WHERE published_at IS NOT NULL;
CREATE INDEX users_city_key_idx ON users (city_key(city));
