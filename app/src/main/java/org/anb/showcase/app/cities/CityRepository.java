package org.anb.showcase.app.cities;

import java.util.List;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import org.anb.showcase.core.db.Rows;

/**
 * Cities as players typed them, grouped by {@code city_key} (case, accents and spacing ignored; V7) and shown by
 * their most common spelling; merges of other spellings into one city. All of that SQL.
 */
public final class CityRepository {
    private final DbClient db;

    public CityRepository(DbClient db) {
        this.db = db;
    }

    public record City(String city, String cityKey, long players) {
    }

    /** Cities whose key starts with (or, failing that, contains) the typed text's key, most players first. */
    public List<City> matching(String q, int limit) {
        return db.execute().query("""
                SELECT mode() WITHIN GROUP (ORDER BY city) AS city, city_key(city) AS key, count(*) AS players
                  FROM users WHERE city_key(city) LIKE '%' || city_key(?) || '%'
                 GROUP BY city_key(city)
                 ORDER BY (city_key(city) LIKE city_key(?) || '%') DESC, count(*) DESC, city_key(city) LIMIT ?""",
                q, q, limit)
                .map(row -> new City(Rows.text(row, "city"), Rows.text(row, "key"), Rows.number(row, "players")))
                .toList();
    }

    public List<City> all() {
        return db.execute().query("""
                SELECT mode() WITHIN GROUP (ORDER BY city) AS city, city_key(city) AS key, count(*) AS players
                  FROM users GROUP BY city_key(city) ORDER BY count(*) DESC, city_key(city)""")
                .map(row -> new City(Rows.text(row, "city"), Rows.text(row, "key"), Rows.number(row, "players")))
                .toList();
    }

    /**
     * Every account of {@code from}'s spelling group moves to {@code into}; the ranking's city keys follow; later
     * sign-ups and filters with that spelling land in {@code into} too. Answers the accounts moved.
     */
    public long merge(DbExecute tx, String from, String into) {
        long moved = tx.update("UPDATE users SET city = ? WHERE city_key(city) = city_key(?)", into, from);
        tx.update("""
                UPDATE player_scores s SET city_key = city_key(u.city)
                  FROM users u WHERE u.id = s.user_id AND s.city_key <> city_key(u.city)""");
        tx.update("UPDATE city_aliases SET city = ? WHERE city_key(city) = city_key(?)", into, from);
        tx.insert("""
                INSERT INTO city_aliases (alias_key, city) VALUES (city_key(?), ?)
                ON CONFLICT (alias_key) DO UPDATE SET city = EXCLUDED.city, merged_at = now()""", from, into);
        return moved;
    }
}
