package org.anb.showcase.core.lifecycle;

/**
 * A server could not listen on its port. Helidon logs a failed bind and hands back a stopped server instead of
 * throwing, so the API and the worker check and throw this: a process that cannot serve must not look started.
 */
public final class PortUnavailableException extends IllegalStateException {
    public PortUnavailableException(String what, int port) {
        super(what + " cannot listen on port " + port + ": another program is using it");
    }
}
