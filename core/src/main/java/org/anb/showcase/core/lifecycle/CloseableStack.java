package org.anb.showcase.core.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a service started, closed in reverse order; a failure to close one part is logged and the rest still close.
 * The API, the worker and the local platform all start several parts and must stop all of them.
 */
public final class CloseableStack implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CloseableStack.class.getName());

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();

    /** Remembers {@code part} to close it later, and answers it. */
    public <T extends AutoCloseable> T push(T part) {
        parts.push(part);
        return part;
    }

    @Override
    public void close() {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "stop failed: " + e);
            }
        }
    }
}
