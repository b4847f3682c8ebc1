package org.anb.showcase.worker.media;

import java.time.Duration;

/**
 * The part of the original that becomes the broadcast: from the player's chosen {@code start}, {@code length} long
 * (at most {@link BroadcastEncoder#MAX_MAIN}).
 */
public record Excerpt(Duration start, Duration length) {
    /** The assignment's rule: the first 30 s. */
    public static Excerpt fromStart(ProbedVideo video) {
        return new Excerpt(Duration.ZERO, min(video.duration(), BroadcastEncoder.MAX_MAIN));
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
