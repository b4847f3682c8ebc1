package org.anb.showcase.worker.scale;

/**
 * Keeps the instance out of its Auto Scaling group's scale-in while it holds a job: the first job taken turns the
 * protection on, the last one finished turns it off. A group shrinking as the queue drains would otherwise terminate
 * a worker mid-encode (up to 510 s) after a 90 s stop timeout, and the encode would start over elsewhere. An instance
 * refresh waits for the protection to end ({@code ScaleInProtectedInstances: Wait}).
 * <p>
 * The protection is advice, never a condition: a failure to set it is logged and the job goes on (the worst case is
 * the one above, which the queue already survives).
 */
public final class ScaleInProtection {
    /** Turns this instance's protection on or off. */
    public interface Protector {
        void protect(boolean on) throws Exception;
    }

    /** For the local mode and tests: nothing to protect. */
    public static final ScaleInProtection NONE = new ScaleInProtection(on -> { });

    private static final System.Logger LOG = System.getLogger(ScaleInProtection.class.getName());
    private final Protector protector;
    private int held;

    public ScaleInProtection(Protector protector) {
        this.protector = protector;
    }

    /** Held while one job runs: {@code try (var held = protection.hold()) { ... }}. */
    public Hold hold() {
        synchronized (this) {
            if (held++ == 0) {
                set(true);
            }
        }
        return this::release;
    }

    private synchronized void release() {
        if (--held == 0) {
            set(false);
        }
    }

    private void set(boolean on) {
        try {
            protector.protect(on);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "could not turn scale-in protection " + (on ? "on" : "off")
                    + " (the job goes on): " + e);
        }
    }

    /** An AutoCloseable that throws nothing. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }
}
