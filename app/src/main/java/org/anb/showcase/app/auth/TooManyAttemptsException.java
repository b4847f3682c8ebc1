package org.anb.showcase.app.auth;

import java.time.Duration;

import org.anb.showcase.app.http.ApiException;

/** 429 for a throttled login; {@link #retryAfter()} becomes the Retry-After header. */
public final class TooManyAttemptsException extends ApiException {
    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super(429, "Demasiados intentos fallidos. Intenta de nuevo en "
                + Math.max(1, (retryAfter.toSeconds() + 59) / 60) + " minuto(s).");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
