package org.anb.showcase.app.contest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * The edition every request checks its rules against, read from PostgreSQL at most once per {@code fresh} on each
 * instance (votes and page reads must not each cost a query). Times are compared with the clock at each request, so
 * voting closes on the second whatever the cache; a settings change made through another instance reaches this one
 * within {@code fresh}, and one made through this instance at once.
 */
public final class CurrentEdition {
    private final LoadingCache<Boolean, Edition> edition;
    private final Clock clock;

    public CurrentEdition(EditionRepository repository, Duration fresh, Clock clock) {
        this.edition = Caffeine.newBuilder().expireAfterWrite(fresh)
                .build(key -> repository.current().orElse(Edition.NONE));
        this.clock = clock;
    }

    public Edition get() {
        return edition.get(Boolean.TRUE);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Whether the public sees {@code votes} as {@code null} right now (the final stretch). */
    public boolean countsHidden() {
        return get().countsHidden(now());
    }

    /** This instance changed the edition: read it again on the next request. */
    public void changed() {
        edition.invalidateAll();
    }
}
