package org.anb.showcase.app.http;

import java.time.Duration;

/** 429 with a Retry-After header of {@link #retryAfter()} (whole seconds, at least 1). */
public final class TooManyRequestsException extends ApiException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(429, message);
        this.retryAfter = retryAfter;
    }

    /** "Demasiados intentos fallidos…" with the wait in minutes, for logins. */
    public static TooManyRequestsException failedLogins(Duration retryAfter) {
        return new TooManyRequestsException("Demasiados intentos fallidos. Intenta de nuevo en "
                + Math.max(1, (retryAfter.toSeconds() + 59) / 60) + " minuto(s).", retryAfter);
    }

    /** "Demasiadas solicitudes…" with the wait in seconds, for sign-ups, votes and uploads. */
    public static TooManyRequestsException tooMany(Duration retryAfter) {
        return new TooManyRequestsException("Demasiadas solicitudes. Intenta de nuevo en "
                + retryAfterSeconds(retryAfter) + " segundo(s).", retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    private static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
