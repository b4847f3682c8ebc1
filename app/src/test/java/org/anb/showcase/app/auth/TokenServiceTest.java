package org.anb.showcase.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);

    @Test
    void aTokenCarriesItsUserBackUntilItExpires() {
        TokenService tokens = new TokenService(SECRET, "anb-showcase", Duration.ofHours(1));
        UUID user = UUID.randomUUID();
        assertThat(tokens.verify(tokens.issue(user)).map(TokenService.VerifiedToken::userId)).contains(user);

        TokenService expired = new TokenService(SECRET, "anb-showcase", Duration.ofMinutes(-5));
        assertThat(tokens.verify(expired.issue(user))).isEmpty();
    }

    @Test
    void aShortSecretIsRefusedAtStartup() {
        assertThatThrownBy(() -> new TokenService("short".getBytes(StandardCharsets.UTF_8), "anb", Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
