package org.anb.showcase.worker.jobs;

import java.time.Duration;
import java.time.Instant;

/** How a job ended and, when another worker holds the video ({@link JobOutcome#BUSY}), when to look again. */
public record JobResult(JobOutcome outcome, Duration lookAgainIn) {
    /** Past the holder's lease, so a holder that died is taken over at the next look. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    static JobResult of(JobOutcome outcome) {
        return new JobResult(outcome, Duration.ZERO);
    }

    static JobResult busyUntil(Instant leaseExpiresAt) {
        Duration remaining = Duration.between(Instant.now(), leaseExpiresAt);
        return new JobResult(JobOutcome.BUSY, (remaining.isNegative() ? Duration.ZERO : remaining).plus(MARGIN));
    }
}
