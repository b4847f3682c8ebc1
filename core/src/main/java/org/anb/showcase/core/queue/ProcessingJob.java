package org.anb.showcase.core.queue;

import java.util.UUID;

/**
 * The message on the jobs queue. It names the video only: the worker reads everything else from the row, so a
 * stale or duplicated message can never carry stale data.
 */
public record ProcessingJob(UUID videoId) {
}
