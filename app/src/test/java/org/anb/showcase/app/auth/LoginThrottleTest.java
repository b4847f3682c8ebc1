package org.anb.showcase.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anb.showcase.app.http.TooManyRequestsException;
import org.anb.showcase.app.limits.InstanceBuckets;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Test
    void aGuesserFromOneClientCannotLockTheOwnerOutFromAnother() {
        LoginThrottle throttle = new LoginThrottle(new InstanceBuckets(), 3, 100, WINDOW, 100, Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            throttle.begin("Ana@Example.com", "203.0.113.9");
        }
        assertThatThrownBy(() -> throttle.begin("ANA@example.com", "203.0.113.9")).as("any case")
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.retryAfter())
                        .isPositive().isLessThanOrEqualTo(WINDOW));
        throttle.begin("ana@example.com", "198.51.100.7").succeeded();
        throttle.begin("ana@example.com", "198.51.100.7").succeeded();
    }

    @Test
    void aSuccessDoesNotCountAndClearsItsAccountAndClient() {
        LoginThrottle throttle = new LoginThrottle(new InstanceBuckets(), 2, 100, WINDOW, 100, Duration.ofSeconds(10));
        throttle.begin("ana@example.com", "203.0.113.9");
        throttle.begin("ana@example.com", "203.0.113.9").succeeded();
        throttle.begin("ana@example.com", "203.0.113.9");
        throttle.begin("ana@example.com", "203.0.113.9");
        assertThatThrownBy(() -> throttle.begin("ana@example.com", "203.0.113.9"))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aClientIsSlowedAcrossAccounts() {
        LoginThrottle throttle = new LoginThrottle(new InstanceBuckets(), 100, 4, WINDOW, 100, Duration.ofSeconds(10));
        for (int i = 0; i < 4; i++) {
            throttle.begin("user" + i + "@example.com", "203.0.113.9");
        }
        assertThatThrownBy(() -> throttle.begin("someone-new@example.com", "203.0.113.9"))
                .isInstanceOf(TooManyRequestsException.class);
        throttle.begin("someone-new@example.com", "203.0.113.10");
    }

    @Test
    void guessingOneAccountFromManyClientsBacksOffForSecondsNotTheWholeWindow() {
        LoginThrottle throttle = new LoginThrottle(new InstanceBuckets(), 5, 100, WINDOW, 10, Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            throttle.begin("ana@example.com", "203.0.113." + i);
        }
        assertThatThrownBy(() -> throttle.begin("ana@example.com", "198.51.100.7"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.retryAfter())
                        .isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void parallelGuessesGetNoMoreChecksThanTheBudget() throws Exception {
        LoginThrottle throttle = new LoginThrottle(new InstanceBuckets(), 5, 1000, WINDOW, 1000, Duration.ofSeconds(10));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> guesses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 256; i++) {
                guesses.add(threads.submit(() -> {
                    start.await();
                    try {
                        throttle.begin("ana@example.com", "203.0.113.9");
                        return true;
                    } catch (TooManyRequestsException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            long checked = 0;
            for (Future<Boolean> guess : guesses) {
                checked += guess.get() ? 1 : 0;
            }
            assertThat(checked).isEqualTo(5);
        }
    }

    @Test
    void anAttemptRefusedByOneBudgetTakesNothingFromTheOthers() {
        LoginThrottle throttle = new LoginThrottle(new InstanceBuckets(), 1, 2, WINDOW, 100, Duration.ofSeconds(10));
        throttle.begin("ana@example.com", "203.0.113.9");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> throttle.begin("ana@example.com", "203.0.113.9"))
                    .isInstanceOf(TooManyRequestsException.class);
        }
        throttle.begin("bea@example.com", "203.0.113.9"); // the client's second take: refused ones took nothing
    }

    @Test
    void gmailVariantsOfOneMailboxShareItsBudget() {
        LoginThrottle throttle = new LoginThrottle(new InstanceBuckets(), 2, 100, WINDOW, 100, Duration.ofSeconds(10));
        throttle.begin("anaperez@gmail.com", "203.0.113.9");
        throttle.begin("Ana.Perez+1@GoogleMail.com", "203.0.113.9");
        assertThatThrownBy(() -> throttle.begin(" ana.perez+2@gmail.com", "203.0.113.9"))
                .isInstanceOf(TooManyRequestsException.class);
        throttle.begin("ana.perez@example.com", "203.0.113.9"); // other providers keep their dots
    }
}
