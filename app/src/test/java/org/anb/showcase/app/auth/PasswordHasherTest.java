package org.anb.showcase.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.anb.showcase.app.http.ServerBusyException;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void pastItsThreadsAndQueueAHashIsShedAtOnceAndTheAcceptedOnesComplete() throws Exception {
        PasswordHasher hasher = new PasswordHasher(4, 1, 1, Duration.ofSeconds(30)); // one hashing, one waiting
        String hash = hasher.hash("correcto-2026");
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Boolean> busy = holdTheOnlyThread(hasher, clients, release);
            Future<Boolean> waiting = clients.submit(() -> hasher.matches("correcto-2026", hash));
            long queuedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hasher.waiting() < 1) { // bounded: a hasher that never queues fails here instead of hanging CI
                assertThat(System.nanoTime()).as("the second login is queued within 10 s").isLessThan(queuedBy);
                Thread.sleep(10);
            }

            long start = System.nanoTime();
            assertThatThrownBy(() -> hasher.matches("correcto-2026", hash)).isInstanceOf(ServerBusyException.class);
            assertThat(System.nanoTime() - start).as("shed without waiting").isLessThan(TimeUnit.SECONDS.toNanos(1));

            release.countDown();
            assertThat(busy.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).as("the queued login completes").isTrue();
        }
    }

    @Test
    void aHashThatWaitsLongerThanItsBoundIsShedAndTheThreadStaysUsable() throws Exception {
        PasswordHasher hasher = new PasswordHasher(4, 1, 8, Duration.ofMillis(300));
        String hash = hasher.hash("correcto-2026");
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Boolean> busy = holdTheOnlyThread(hasher, clients, release);

            long start = System.nanoTime();
            assertThatThrownBy(() -> hasher.matches("correcto-2026", hash)).isInstanceOf(ServerBusyException.class);
            long waited = System.nanoTime() - start;
            assertThat(waited).as("waited its turn for the bound").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(290))
                    .as("and no longer").isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(hasher.waiting()).isZero();

            release.countDown();
            assertThat(busy.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(hasher.matches("correcto-2026", hash)).as("the thread is free again").isTrue();
        }
    }

    @Test
    void overlongPasswordsAreFalseNeverAnError() {
        PasswordHasher hasher = new PasswordHasher(4, 1, 4, Duration.ofSeconds(5));
        String overlong = "x".repeat(100);
        assertThat(hasher.matches(overlong, hasher.hash("correcto-2026"))).isFalse();
        try (PasswordHasher.Turn turn = hasher.awaitTurn()) {
            assertThat(turn.matchNothing(overlong)).isFalse();
        }
    }

    /** Occupies the hasher's one thread until {@code release}; answers once it is running. */
    private static Future<Boolean> holdTheOnlyThread(PasswordHasher hasher, ExecutorService clients,
                                                     CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Future<Boolean> busy = clients.submit(() -> hasher.onPool(() -> {
            running.countDown();
            return release.await(30, TimeUnit.SECONDS);
        }));
        running.await();
        return busy;
    }
}
