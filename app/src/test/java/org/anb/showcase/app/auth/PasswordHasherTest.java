package org.anb.showcase.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anb.showcase.app.http.ServerBusyException;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void pastItsThreadsAndQueueAHashIsShedAtOnceAndTheAcceptedOnesComplete() throws Exception {
        PasswordHasher hasher = new PasswordHasher(12, 1, 1); // ~250 ms a hash: one running, one waiting
        String hash = hasher.hash("correcto-2026");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> logins = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                logins.add(clients.submit(() -> {
                    start.await();
                    long began = System.nanoTime();
                    try {
                        return hasher.matches("correcto-2026", hash) ? "ok" : "wrong";
                    } catch (ServerBusyException e) {
                        return (System.nanoTime() - began) < 50_000_000 ? "shed at once" : "shed late";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> login : logins) {
                outcomes.add(login.get());
            }
            assertThat(outcomes).containsOnly("ok", "shed at once").contains("ok", "shed at once");
            assertThat(outcomes.stream().filter("ok"::equals).count()).isBetween(2L, 3L);
        }
    }

    @Test
    void overlongPasswordsAreFalseNeverAnError() {
        PasswordHasher hasher = new PasswordHasher(4, 1, 4);
        String overlong = "x".repeat(100);
        assertThat(hasher.matches(overlong, hasher.hash("correcto-2026"))).isFalse();
        assertThat(hasher.matchNothing(overlong)).isFalse();
    }
}
