package org.anb.showcase.app.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A request body that must keep arriving: after a grace period, a client that has sent fewer than
 * {@code minBytesPerSecond} on average is cut off, so a trickle cannot hold one of the server's request slots for
 * hours. The server's own read blocks until its buffer fills, so the rate is checked from outside, every second, and
 * a reader that falls behind is interrupted — a virtual thread blocked on a socket is released by closing the socket
 * — and gets 408. (Total silence is the socket's read timeout's job.) Written here because Helidon has no minimum
 * data rate.
 */
public final class MinimumRateInputStream extends FilterInputStream {
    /** 8 KiB/s (64 kbit/s, below any phone's uplink) on average, judged after the first 10 s. */
    private static final long MIN_BYTES_PER_SECOND = 8 * 1024;
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final long ABANDONED_NANOS = Duration.ofHours(1).toNanos();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("slow-body-watchdog").daemon().factory());

    private final long minBytesPerSecond;
    private final long graceNanos;
    private final long start = System.nanoTime();
    private final Thread reader = Thread.currentThread();
    private final ScheduledFuture<?> check;
    private long bytes;
    private boolean reading;
    private boolean tooSlow;

    /** A request body (or one part of it) held to the server's minimum rate; close it when done. */
    public static InputStream of(InputStream body) {
        return new MinimumRateInputStream(body, MIN_BYTES_PER_SECOND, GRACE);
    }

    MinimumRateInputStream(InputStream in, long minBytesPerSecond, Duration grace) {
        super(in);
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
        this.check = WATCHDOG.scheduleAtFixedRate(this::cutOffIfTooSlow, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        begin();
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException | UncheckedIOException e) {
            end(0);
            throw e;
        }
        end(Math.max(n, 0));
        if (n < 0) {
            check.cancel(false);
        }
        return n;
    }

    private synchronized void begin() {
        reading = true;
    }

    private synchronized void end(int n) {
        reading = false;
        bytes += n;
        if (tooSlow) {
            Thread.interrupted(); // ours, not the caller's
            check.cancel(false);
            throw new ApiException(408, "La solicitud llegó demasiado lento; intenta de nuevo con una mejor conexión.");
        }
    }

    private synchronized void cutOffIfTooSlow() {
        long elapsed = System.nanoTime() - start;
        if (!reading && elapsed > ABANDONED_NANOS) {
            check.cancel(false); // a stream its reader dropped without closing: stop watching it
            return;
        }
        if (reading && !tooSlow && elapsed > graceNanos && bytes * 1_000_000_000L / elapsed < minBytesPerSecond) {
            tooSlow = true;
            reader.interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }
}
