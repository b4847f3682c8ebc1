package org.anb.showcase.app.gallery;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.metrics.api.DistributionSummary;
import io.helidon.metrics.api.Metrics;
import org.anb.showcase.app.gallery.GalleryRepository.Ballot;
import org.anb.showcase.app.gallery.GalleryRepository.VoteOutcome;
import org.anb.showcase.app.http.ServerBusyException;

/**
 * Writes votes in batches: the votes that arrive while one batch is being written go together in the next one
 * statement and one commit, so a star's counters are locked once per batch, not once per vote, and nobody waits for
 * a timer (a vote alone is written at once). Each voter still gets their own answer, after the commit that made their
 * vote durable. Issue 15 measured why: with one transaction per vote, fans of one star got half the votes per second
 * of fans spread over many players, the rest spent queueing on the star's two rows.
 *
 * <p>A batch refused for its data (an integrity violation: a voter deleted since their token was checked) or lost
 * to a deadlock is written again vote by vote, so one bad vote cannot fail the others; whatever still fails reaches
 * its own caller. Any other failure (the database is down) reaches every caller of the batch at once.
 */
public final class VoteWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(VoteWriter.class.getName());
    /** Votes in one statement at most: two uuid arrays of this length are a few tens of KB. */
    static final int MAX_BATCH = 500;
    /** How long a voter waits for their batch before a 503: the database's own timeouts come first. */
    private static final long MAX_WAIT_SECONDS = 30;

    private final GalleryRepository gallery;
    private final DistributionSummary batchSizes = Metrics.globalRegistry().getOrCreate(
            DistributionSummary.builder("anb_api_vote_batch_size").description("Votes written per statement"));
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>(10 * MAX_BATCH);
    private final Thread writer;

    private record Pending(Ballot ballot, CompletableFuture<VoteOutcome> outcome) {
    }

    public VoteWriter(GalleryRepository gallery) {
        this.gallery = gallery;
        this.writer = Thread.ofVirtual().name("vote-writer").start(this::writeUntilClosed);
    }

    /** Counts the vote (with the others that arrive meanwhile) and answers its outcome once it is committed. */
    public VoteOutcome vote(Ballot ballot) {
        Pending pending = new Pending(ballot, new CompletableFuture<>());
        if (!waiting.offer(pending)) {
            throw new ServerBusyException();
        }
        try {
            return pending.outcome().get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ServerBusyException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerBusyException();
        }
    }

    private void writeUntilClosed() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                break;
            }
            waiting.drainTo(batch, MAX_BATCH - 1);
            batchSizes.record(batch.size());
            write(batch);
            batch.clear();
        }
        refuseWaiting();
    }

    private void write(List<Pending> batch) {
        try {
            answer(batch, gallery.vote(batch.stream().map(Pending::ballot).toList()));
        } catch (RuntimeException e) {
            if (batch.size() == 1 || !aboutOneVote(e)) {
                batch.forEach(p -> p.outcome().completeExceptionally(e));
                return;
            }
            LOG.log(Level.WARNING, "a batch of {0} votes failed ({1}); writing them one by one",
                    new Object[] {batch.size(), e.getClass().getSimpleName()});
            for (Pending one : batch) {
                write(List.of(one));
            }
        }
    }

    /** SQLState class 23 (integrity constraint) or 40 (transaction rollback: deadlock, serialization). */
    private static boolean aboutOneVote(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }

    private static void answer(List<Pending> batch, List<VoteOutcome> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome().complete(outcomes.get(i));
        }
    }

    private void refuseWaiting() {
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(p -> p.outcome().completeExceptionally(new ServerBusyException()));
    }

    @Override
    public void close() {
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(MAX_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
