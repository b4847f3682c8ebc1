package org.anb.showcase.app.contest;

import java.time.Instant;

/**
 * The contest edition's settings as stored, and what they mean at a given moment. {@link #NONE} stands for "no edition
 * configured": entries and voting open, nothing moderated first, no results — the assignment's behaviour.
 */
public record Edition(Long id, String name, Instant entriesOpenAt, Instant entriesCloseAt, Instant votingOpenAt,
                      Instant votingCloseAt, Instant countsHiddenFrom, Integer maxEntriesPerPlayer, String moderation,
                      String rules, boolean signupChallenge, boolean consentRequired, String privacyNoticeVersion,
                      int alertThreshold, Instant resultsPublishedAt) {

    public static final int DEFAULT_ALERT_THRESHOLD = 50;
    public static final Edition NONE = new Edition(null, null, null, null, null, null, null, null, "post", null,
            false, false, null, DEFAULT_ALERT_THRESHOLD, null);

    public boolean configured() {
        return id != null;
    }

    public boolean entriesOpen(Instant now) {
        return within(now, entriesOpenAt, entriesCloseAt);
    }

    public boolean votingOpen(Instant now) {
        return resultsPublishedAt == null && within(now, votingOpenAt, votingCloseAt);
    }

    /** Whether voting has ended for good: a close time was set and has passed. */
    public boolean votingClosed(Instant now) {
        return votingCloseAt != null && !now.isBefore(votingCloseAt);
    }

    /** The final stretch: public counts read {@code null} from {@code counts_hidden_from} until results are out. */
    public boolean countsHidden(Instant now) {
        return countsHiddenFrom != null && !now.isBefore(countsHiddenFrom) && resultsPublishedAt == null;
    }

    public boolean resultsPublished() {
        return resultsPublishedAt != null;
    }

    public boolean preModeration() {
        return "pre".equals(moderation);
    }

    private static boolean within(Instant now, Instant from, Instant until) {
        return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }
}
