package org.anb.showcase.worker.jobs;

/** How a job ended, which decides what happens to its message. */
public enum JobOutcome {
    /** Output stored, row processed: delete the message. */
    PROCESSED,
    /** The input is not acceptable; the row says why: delete the message, no retry. */
    REJECTED,
    /** Nothing to do (already processed, failed or deleted): delete the message. */
    SKIPPED,
    /** Another worker holds the video's lease: keep the message and look again after the lease would have run out. */
    BUSY
}
