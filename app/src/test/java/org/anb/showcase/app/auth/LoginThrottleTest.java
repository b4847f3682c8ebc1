package org.anb.showcase.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void anAccountIsBlockedAfterItsFailuresAndASuccessClearsIt() {
        LoginThrottle throttle = new LoginThrottle(3, 100, Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blockedFor("Ana@Example.com", "10.0.0.1")).isEmpty();
            throttle.failed("ana@example.com", "10.0.0.1");
        }
        assertThat(throttle.blockedFor("ANA@example.com", "10.0.0.2")).as("any case, any address")
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15)));
        throttle.succeeded("ana@example.com");
        assertThat(throttle.blockedFor("ana@example.com", "10.0.0.3")).isEmpty();
    }

    @Test
    void anAddressIsBlockedAfterItsFailuresAcrossAccounts() {
        LoginThrottle throttle = new LoginThrottle(100, 4, Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            throttle.failed("user" + i + "@example.com", "203.0.113.9");
        }
        assertThat(throttle.blockedFor("someone-new@example.com", "203.0.113.9")).isPresent();
        assertThat(throttle.blockedFor("someone-new@example.com", "203.0.113.10")).isEmpty();
    }
}
