package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anb.showcase.app.limits.RateLimit;
import org.anb.showcase.app.limits.SharedBuckets;
import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

/**
 * The shared budgets on the real PostgreSQL: parallel first takes of a key nobody has used yet meet in one Bucket4j
 * batch, which cannot create the bucket — they must still be counted against the budget, never fail.
 */
class SharedBucketsTest {
    private static final int PARALLEL = 32;
    private static final int BUDGET = 5;

    @Test
    void parallelFirstTakesOfANewKeyAreCountedAgainstTheBudgetAndNoneFails() throws Exception {
        try (SharedBuckets store = new SharedBuckets(DatabasePool.unpooled(TestPlatform.platform().config().get("db")));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            RateLimit limit = RateLimit.perWindow("first-takes", store, BUDGET, Duration.ofMinutes(20));
            for (int round = 0; round < 30; round++) {
                String key = UUID.randomUUID().toString(); // a new client: no row yet
                CountDownLatch together = new CountDownLatch(1);
                List<Future<Optional<Duration>>> takes = new ArrayList<>();
                for (int i = 0; i < PARALLEL; i++) {
                    takes.add(threads.submit(() -> {
                        together.await();
                        return limit.take(key);
                    }));
                }
                together.countDown();
                int taken = 0;
                for (Future<Optional<Duration>> take : takes) {
                    taken += take.get().isEmpty() ? 1 : 0; // a failed take throws here
                }
                assertThat(taken).as("round %d: takes granted", round).isEqualTo(BUDGET);
            }
        }
    }
}
