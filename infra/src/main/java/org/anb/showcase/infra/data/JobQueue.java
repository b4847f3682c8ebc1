package org.anb.showcase.infra.data;

import org.anb.showcase.infra.Policies;
import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.Tags;

import java.util.Map;

import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The processing jobs queue and its dead-letter queue: SSE on both, redrive after {@value #MAX_RECEIVE_COUNT}
 * receives, 14 days in the DLQ. The visibility timeout is only the default: the worker asks for 60 s per receive and
 * renews it every 20 s while a job runs, so a dead worker's job returns within a minute.
 */
public final class JobQueue extends ComponentResource {
    static final int MAX_RECEIVE_COUNT = 5;
    static final int DLQ_RETENTION_SECONDS = 14 * 24 * 3600;

    private final Queue jobs;
    private final Queue deadLetters;

    public JobQueue(String name, StackConfig config, ComponentResourceOptions options) {
        super("anb:infra:JobQueue", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();
        deadLetters = new Queue(prefix + "-jobs-dlq", QueueArgs.builder().name(prefix + "-jobs-dlq")
                .sqsManagedSseEnabled(true).messageRetentionSeconds(DLQ_RETENTION_SECONDS)
                .tags(Tags.named(prefix + "-jobs-dlq")).build(), child);
        jobs = new Queue(prefix + "-jobs", QueueArgs.builder().name(prefix + "-jobs")
                .sqsManagedSseEnabled(true)
                .visibilityTimeoutSeconds(120)
                .receiveWaitTimeSeconds(20)
                .messageRetentionSeconds(4 * 24 * 3600)
                .redrivePolicy(deadLetters.arn().applyValue(arn -> Policies.json(Map.of(
                        "deadLetterTargetArn", arn, "maxReceiveCount", MAX_RECEIVE_COUNT))))
                .tags(Tags.named(prefix + "-jobs")).build(), child);
        registerOutputs(Map.of("jobsQueueUrl", jobs.url(), "deadLetterQueueUrl", deadLetters.url()));
    }

    public Output<String> jobsUrl() {
        return jobs.url();
    }

    public Output<String> jobsArn() {
        return jobs.arn();
    }

    public Output<String> jobsName() {
        return jobs.name();
    }

    public Output<String> deadLettersUrl() {
        return deadLetters.url();
    }

    public Output<String> deadLettersArn() {
        return deadLetters.arn();
    }

    public Output<String> deadLettersName() {
        return deadLetters.name();
    }
}
