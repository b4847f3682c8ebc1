package org.anb.showcase.worker.consume;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.worker.WorkerSettings;
import org.anb.showcase.worker.scale.ScaleInProtection;
import org.anb.showcase.worker.jobs.JobOutcome;
import org.anb.showcase.worker.jobs.JobProcessor;
import org.anb.showcase.worker.jobs.JobResult;
import org.anb.showcase.worker.observe.WorkerMetrics;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Long-polls the jobs queue and runs each job on a bounded pool. It never receives more messages than it has free
 * slots; while a job runs, a heartbeat keeps extending the message's visibility, so the timeout can stay short and a
 * dead worker's job comes back quickly. A transient failure puts the message back after a growing delay; after the
 * queue's maxReceiveCount it moves to the dead-letter queue. On {@link #close()} it stops receiving, lets running jobs
 * finish within the grace period, then aborts the rest and makes their messages visible again at once.
 */
public final class JobConsumer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JobConsumer.class.getName());
    private static final int SQS_MAX_BATCH = 10;
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(15);

    private final JobQueue queue;
    private final JobProcessor processor;
    private final WorkerSettings settings;
    private final WorkerMetrics metrics;
    private final Semaphore slots;
    private final ExecutorService jobs;
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("job-heartbeat").daemon().factory());
    private final Thread receiver;
    private volatile boolean running = true;
    /** When the receiver last started failing to reach the queue; null while it reaches it (or is busy working). */
    private volatile Instant unreachableSince;

    private final ScaleInProtection protection;

    public JobConsumer(JobQueue queue, JobProcessor processor, WorkerSettings settings, WorkerMetrics metrics,
                       ScaleInProtection protection) {
        this.protection = protection;
        this.queue = queue;
        this.processor = processor;
        this.settings = settings;
        this.metrics = metrics;
        this.slots = new Semaphore(settings.concurrency());
        this.jobs = Executors.newFixedThreadPool(settings.concurrency(), Thread.ofPlatform().name("job-", 0).factory());
        this.receiver = Thread.ofPlatform().name("job-receiver").unstarted(this::receiveLoop);
    }

    public void start() {
        receiver.start();
    }

    /**
     * Alive: the receiver runs and has not been failing to reach the queue for longer than
     * {@code queue-unreachable-limit-seconds}. Time spent working (all slots busy, no receive) does not count.
     */
    public boolean isReceiving() {
        Instant since = unreachableSince;
        return receiver.isAlive()
                && (since == null || Duration.between(since, Instant.now()).compareTo(settings.queueUnreachableLimit()) < 0);
    }

    private void receiveLoop() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            int free;
            try {
                slots.acquire();
                free = 1 + slots.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            List<Message> messages;
            try {
                messages = receive(Math.min(free, SQS_MAX_BATCH));
                unreachableSince = null;
                backoff = Duration.ofSeconds(1);
            } catch (SdkException e) {
                if (unreachableSince == null) {
                    unreachableSince = Instant.now();
                }
                slots.release(free);
                if (!running) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "queue unreachable, retrying in " + backoff.toSeconds() + " s: " + e);
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
                continue;
            }
            slots.release(free - messages.size());
            for (Message message : messages) {
                if (running) {
                    jobs.execute(() -> handle(message));
                } else {
                    release(message);
                    slots.release();
                }
            }
        }
    }

    private List<Message> receive(int max) {
        return queue.client().receiveMessage(b -> b.queueUrl(queue.jobsQueueUrl()).maxNumberOfMessages(max)
                .waitTimeSeconds((int) settings.receiveWait().toSeconds())
                .visibilityTimeout((int) settings.visibilityTimeout().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                        MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
    }

    private void handle(Message message) {
        try (var held = protection.hold()) {
            handleProtected(message);
        }
    }

    private void handleProtected(Message message) {
        Instant started = Instant.now();
        metrics.started();
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> extend(message),
                settings.heartbeatEvery().toMillis(), settings.heartbeatEvery().toMillis(), TimeUnit.MILLISECONDS);
        int attempt = attribute(message, MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, 1);
        long sentAt = attribute(message, MessageSystemAttributeName.SENT_TIMESTAMP, 0);
        if (sentAt > 0) {
            metrics.received(Duration.ofMillis(Math.max(0, started.toEpochMilli() - sentAt)));
        }
        UUID videoId = null;
        try {
            videoId = JobQueue.decode(message.body()).videoId();
            JobResult result = processor.process(videoId, attempt);
            JobOutcome outcome = result.outcome();
            if (outcome == JobOutcome.BUSY) {
                changeVisibility(message, result.lookAgainIn()); // back once the holder's lease would have run out
            } else {
                delete(message);
            }
            metrics.jobEnded(outcome.name().toLowerCase());
            if (outcome == JobOutcome.PROCESSED) {
                metrics.processed(Duration.between(started, Instant.now()));
            }
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "dropping a message that is not a job: " + e.getMessage());
            delete(message);
            metrics.jobEnded("malformed");
        } catch (InterruptedException e) {
            Thread.interrupted();
            release(message);
            LOG.log(System.Logger.Level.INFO, "job video=" + videoId + " attempt=" + attempt
                    + " outcome=released (worker stopping; the job is visible again)");
            metrics.jobEnded("released");
        } catch (RuntimeException e) {
            Duration delay = retryDelay(attempt);
            LOG.log(System.Logger.Level.WARNING, "job video=" + videoId + " attempt=" + attempt
                    + " outcome=retry_in_" + delay.toSeconds() + "s error=" + e);
            retryLater(message, delay);
            metrics.jobEnded("retried");
        } finally {
            heartbeat.cancel(false);
            metrics.finished();
            slots.release();
        }
    }

    private Duration retryDelay(int attempt) {
        Duration delay = settings.retryDelay().multipliedBy(attempt);
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    private void extend(Message message) {
        changeVisibility(message, settings.visibilityTimeout());
    }

    private void release(Message message) {
        changeVisibility(message, Duration.ZERO);
    }

    private void retryLater(Message message, Duration delay) {
        changeVisibility(message, delay);
    }

    private void changeVisibility(Message message, Duration timeout) {
        try {
            queue.client().changeMessageVisibility(b -> b.queueUrl(queue.jobsQueueUrl())
                    .receiptHandle(message.receiptHandle()).visibilityTimeout((int) timeout.toSeconds()));
        } catch (SdkException e) {
            // The message simply becomes visible when its current timeout runs out.
            LOG.log(System.Logger.Level.WARNING, "could not change a message's visibility: " + e);
        }
    }

    private void delete(Message message) {
        queue.client().deleteMessage(b -> b.queueUrl(queue.jobsQueueUrl()).receiptHandle(message.receiptHandle()));
    }

    private static int attribute(Message message, MessageSystemAttributeName name, int fallback) {
        return (int) Math.min(Integer.MAX_VALUE, attribute(message, name, (long) fallback));
    }

    private static long attribute(Message message, MessageSystemAttributeName name, long fallback) {
        try {
            return Long.parseLong(message.attributes().getOrDefault(name, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops receiving, waits up to the grace period for running jobs, then aborts and releases the rest. */
    @Override
    public void close() {
        running = false;
        receiver.interrupt();
        jobs.shutdown();
        try {
            if (!jobs.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                jobs.shutdownNow();
                jobs.awaitTermination(30, TimeUnit.SECONDS);
            }
            // A long poll in progress cannot be interrupted; wait it out so what it brings back is released.
            receiver.join(settings.receiveWait().plusSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeats.shutdownNow();
    }
}
