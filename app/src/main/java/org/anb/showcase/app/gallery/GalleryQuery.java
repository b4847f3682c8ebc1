package org.anb.showcase.app.gallery;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import io.helidon.common.uri.UriQuery;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Paging;

/**
 * What a gallery page shows besides its paging: one city, a search, an order. A value (equal when the query means
 * the same), so it is also the shared page's cache key.
 *
 * @param search the text to find in titles and players' public names, ignoring case and accents
 * @param seed   for {@link Order#SHUFFLE}: each seed is one fixed order of every video, so a fan's pages neither
 *               repeat nor skip an entry; another seed puts other entries on top
 */
public record GalleryQuery(Optional<String> city, Optional<String> search, Order order, int seed) {
    public enum Order { NEWEST, VOTES, SHUFFLE }

    public static GalleryQuery from(UriQuery query) {
        Order order = order(query);
        int seed = order != Order.SHUFFLE ? 0
                : Paging.intParam(query, "seed", dayNumber(), 0, Integer.MAX_VALUE);
        return new GalleryQuery(Paging.textParam(query, "city"), Paging.textParam(query, "q"), order, seed);
    }

    /** The newest first, as the assignment's clients expect when they name no order. */
    public static GalleryQuery newest() {
        return new GalleryQuery(Optional.empty(), Optional.empty(), Order.NEWEST, 0);
    }

    private static Order order(UriQuery query) {
        if (!query.contains("sort")) {
            return Order.NEWEST;
        }
        return switch (query.get("sort").strip().toLowerCase(Locale.ROOT)) {
            case "newest" -> Order.NEWEST;
            case "votes" -> Order.VOTES;
            case "shuffle" -> Order.SHUFFLE;
            default -> throw ApiException.badRequest(Paging.INVALID);
        };
    }

    /** Shuffled without a seed: today's order (UTC), the same for everyone all day, so shared caches still help. */
    private static int dayNumber() {
        return (int) LocalDate.now(ZoneOffset.UTC).toEpochDay();
    }

    /**
     * The ORDER BY of this query over the videos aliased {@code v}: total (the id settles ties), so an offset always
     * names the same rows. Built from constants and a validated int only: nothing here comes from the caller's text.
     */
    String orderBy(String v) {
        return switch (order) {
            case NEWEST -> v + "published_at DESC, " + v + "id DESC";
            case VOTES -> v + "vote_count DESC, " + v + "published_at DESC, " + v + "id DESC";
            case SHUFFLE -> "uuid_hash_extended(" + v + "id, " + seed + "), " + v + "id";
        };
    }

    /** {@code search} as a LIKE pattern matching it anywhere, its own % and _ taken literally. */
    Optional<String> likePattern() {
        return search.map(text -> "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
}
