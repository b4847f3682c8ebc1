package org.anb.showcase.local.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.anb.showcase.core.queue.JobQueue;
import software.amazon.awssdk.services.sqs.model.Message;

/** Reads the jobs queue as a worker would, to check what the API enqueued. */
public final class QueueProbe {
    private QueueProbe() {
    }

    /** True once a job for {@code videoId} is received within {@code timeout}; consumes what it reads. */
    public static boolean jobArrivesFor(UUID videoId, Duration timeout) {
        JobQueue queue = TestPlatform.queue();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Message message : queue.client().receiveMessage(b -> b.queueUrl(queue.jobsQueueUrl())
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                queue.client().deleteMessage(b -> b.queueUrl(queue.jobsQueueUrl()).receiptHandle(message.receiptHandle()));
                if (JobQueue.decode(message.body()).videoId().equals(videoId)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Empties the jobs queue and returns once it reports nothing waiting: a test then counts only its own jobs. */
    public static void purgeJobs() {
        JobQueue queue = TestPlatform.queue();
        queue.client().purgeQueue(b -> b.queueUrl(queue.jobsQueueUrl()));
        TestWorkers.await(Duration.ofSeconds(10), "the purged queue to be empty", () -> queue.waitingJobs() == 0);
    }
}
