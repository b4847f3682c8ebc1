package org.anb.showcase.core.queue;

import io.helidon.config.Config;
import org.anb.showcase.core.aws.AwsEndpoint;

/**
 * The {@code queue} config subtree. {@code jobs-queue} and {@code dead-letter-queue} are queue names or full queue
 * URLs (Pulumi passes URLs in AWS; the local mode passes names).
 */
public record QueueSettings(AwsEndpoint endpoint, String jobsQueue, String deadLetterQueue) {

    public static QueueSettings from(Config config) {
        return new QueueSettings(
                AwsEndpoint.from(config),
                config.get("jobs-queue").asString().orElse("anb-video-jobs"),
                config.get("dead-letter-queue").asString().orElse("anb-video-jobs-dlq"));
    }
}
