package org.anb.showcase.worker.consume;

import java.time.Duration;

import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.worker.jobs.JobRepository;
import org.anb.showcase.worker.observe.WorkerMetrics;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Drains the dead-letter queue: a job that failed transiently maxReceiveCount times marks its video {@code failed}
 * ("processing failed after 5 attempts") so its owner sees it, then the message is removed.
 */
public final class DeadLetterHandler implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DeadLetterHandler.class.getName());

    private final JobQueue queue;
    private final JobRepository jobs;
    private final WorkerMetrics metrics;
    private final Duration receiveWait;
    private final Thread thread;
    private volatile boolean running = true;

    public DeadLetterHandler(JobQueue queue, JobRepository jobs, WorkerMetrics metrics, Duration receiveWait) {
        this.queue = queue;
        this.jobs = jobs;
        this.metrics = metrics;
        this.receiveWait = receiveWait;
        this.thread = Thread.ofPlatform().name("dead-letter-handler").unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                for (Message message : queue.client().receiveMessage(b -> b.queueUrl(queue.deadLetterQueueUrl())
                        .maxNumberOfMessages(10).waitTimeSeconds((int) receiveWait.toSeconds())).messages()) {
                    handle(message);
                }
            } catch (SdkException | io.helidon.dbclient.DbClientException e) {
                if (!running) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "dead-letter queue pass failed, retrying: " + e);
                try {
                    Thread.sleep(Duration.ofSeconds(5));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void handle(Message message) {
        try {
            var videoId = JobQueue.decode(message.body()).videoId();
            if (jobs.failUnlessLeased(videoId, JobRepository.DEAD_LETTER_REASON)) {
                LOG.log(System.Logger.Level.WARNING, "job video=" + videoId + " outcome=dead_lettered");
            }
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "dropping a dead letter that is not a job: " + e.getMessage());
        }
        queue.client().deleteMessage(b -> b.queueUrl(queue.deadLetterQueueUrl()).receiptHandle(message.receiptHandle()));
        metrics.jobEnded("dead_lettered");
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
