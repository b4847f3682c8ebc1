package org.anb.showcase.app.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.helidon.config.Config;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Anonymous public reads (gallery pages, rankings) rendered once and shared for up to {@code public-reads.fresh-ms}
 * (default 1,000 ms): under load one query, one JSON write and one hash a second per page instead of one per request
 * (issue 15's profile: the gallery's query, row mapping, JSON and ETag were the whole cost of a request). Concurrent
 * misses of a page wait for one load, so a page expiring under 7,000 req/s costs one query, not a stampede.
 *
 * <p>Freshness: a write through this server (a vote counted, a video published) starts a new generation, so what
 * this node serves after its own write is exact; writes elsewhere (the worker publishing a video, another API node)
 * show within {@code fresh-ms} — and within CloudFront's 5 s in AWS. A caller with a token (whose page says what they
 * voted for) is never served from here. Bounded by bytes ({@code public-reads.max-mb}, default 32), so a client
 * asking for every city and page cannot make it grow. {@code fresh-ms: 0} turns it off.
 */
public final class PublicPages {
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Key, PublicRead.Rendered> pages;

    private record Key(long generation, String what, Object filter, Paging paging) {
    }

    public PublicPages(Duration fresh, long maxBytes) {
        this.pages = fresh.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(fresh).recordStats()
                .maximumWeight(maxBytes).<Key, PublicRead.Rendered>weigher((key, page) -> page.body().length)
                .build();
    }

    /** Hits, misses, loads and evictions as {@code cache_*{cache="public_pages"}}; answers this. */
    public PublicPages publishingMetricsTo(MeterRegistry registry) {
        if (pages != null) {
            CaffeineCacheMetrics.monitor(registry, pages, "public_pages");
        }
        return this;
    }

    public static PublicPages from(Config publicReads) {
        return new PublicPages(Duration.ofMillis(publicReads.get("fresh-ms").asLong().orElse(1000L)),
                publicReads.get("max-mb").asLong().orElse(32L) * 1024 * 1024);
    }

    /**
     * Sends page {@code paging} of {@code what} with {@code filter} (a value: a city, a search and order, an id),
     * read by {@code read} when not at hand. Shared
     * caches keep it at most {@code maxAgeSeconds} (its content changes at a known moment: the edition's final
     * stretch). {@code what} names the variant: a page with counts and one without are different pages.
     */
    public void send(ServerRequest req, ServerResponse res, String what, Object filter, Paging paging,
                     long maxAgeSeconds, Supplier<Object> read) {
        PublicRead.send(req, res, rendered(req, what, filter, paging, () -> PublicRead.Rendered.of(read.get())),
                maxAgeSeconds);
    }

    /**
     * The page kept for {@code what}, {@code filter} and {@code paging}, rendered by {@code render} when not at hand
     * (and every time for a personal request). An exception thrown by {@code render} (a 404) is never kept.
     */
    public PublicRead.Rendered rendered(ServerRequest req, String what, Object filter, Paging paging,
                                        Supplier<PublicRead.Rendered> render) {
        return pages == null || PublicRead.personal(req) ? render.get()
                : pages.get(new Key(generation.get(), what, filter, paging), key -> render.get());
    }

    /** A write through this server changed what the public sees: nothing rendered before it is served again. */
    public void changed() {
        generation.incrementAndGet();
    }
}
