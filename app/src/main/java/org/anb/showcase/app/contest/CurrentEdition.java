package org.anb.showcase.app.contest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The edition every request checks its rules against, read from PostgreSQL at most once per {@code fresh} on each
 * instance (votes and page reads must not each cost a query). Times are compared with the clock at each request, so
 * voting closes on the second whatever the cache; a settings change made through another instance reaches this one
 * within {@code fresh} (plus one read of the row), and one made through this instance at once.
 *
 * <p>A volatile snapshot rather than a cache library: this is read on every public page, and the profile of the
 * gallery under load showed a Caffeine lookup costing more than the rest of the edition's checks together. When the
 * snapshot is due, one request reads the row while the others keep using the previous one for those milliseconds.
 */
public final class CurrentEdition {
    private final EditionRepository repository;
    private final long freshNanos;
    private final Clock clock;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Snapshot snapshot;

    private record Snapshot(Edition edition, long readAt) {
    }

    /** What the public pages need to know now: whether counts are hidden, and how long a shared cache may keep them. */
    public record PublicCounts(boolean hidden, long maxAgeSeconds) {
    }

    public CurrentEdition(EditionRepository repository, Duration fresh, Clock clock) {
        this.repository = repository;
        this.freshNanos = fresh.toNanos();
        this.clock = clock;
    }

    public Edition get() {
        if (freshNanos == 0) {
            return read().edition(); // configured off (the tests): every request reads the row
        }
        Snapshot current = snapshot;
        if (current != null && System.nanoTime() - current.readAt() < freshNanos) {
            return current.edition();
        }
        if (current != null && !reading.tryLock()) {
            return current.edition(); // another request is reading it right now
        }
        if (current == null) {
            reading.lock();
        }
        try {
            Snapshot latest = snapshot;
            if (latest != null && System.nanoTime() - latest.readAt() < freshNanos) {
                return latest.edition();
            }
            Snapshot read = read();
            snapshot = read;
            return read.edition();
        } finally {
            reading.unlock();
        }
    }

    private Snapshot read() {
        return new Snapshot(repository.current().orElse(Edition.NONE), System.nanoTime());
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Whether the public sees {@code votes} as {@code null} right now (the final stretch), and how long a shared
     * cache may keep a page: no longer than until the final stretch begins (after which its counts must be hidden).
     */
    public PublicCounts publicCounts() {
        Edition e = get();
        Instant now = now();
        if (e.countsHidden(now)) {
            return new PublicCounts(true, Long.MAX_VALUE);
        }
        boolean ahead = e.countsHiddenFrom() != null && now.isBefore(e.countsHiddenFrom()) && !e.resultsPublished();
        return new PublicCounts(false, ahead ? Duration.between(now, e.countsHiddenFrom()).toSeconds() : Long.MAX_VALUE);
    }

    /** This instance changed the edition: read it again on the next request. */
    public void changed() {
        snapshot = null;
    }
}
