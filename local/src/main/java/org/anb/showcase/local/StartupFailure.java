package org.anb.showcase.local;

import java.net.BindException;

import org.anb.showcase.core.lifecycle.PortUnavailableException;

/**
 * Turns what stopped the local platform from starting into one line a newcomer can act on: what is missing and how
 * to fix it. The stack trace is for us ({@code -Danb.trace=true}), not for the person starting the platform.
 */
final class StartupFailure {
    private StartupFailure() {
    }

    static String explain(Throwable failure, LocalSettings settings) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException || cause instanceof PortUnavailableException) {
                return "a port it needs is taken (" + firstLine(cause) + "): stop the program using it, or move this "
                        + "one with ANB_API_PORT (" + settings.apiPort() + "), ANB_WORKER_PORT ("
                        + settings.workerPort() + "), ANB_POSTGRES_PORT (" + settings.postgresPort()
                        + "), ANB_SQS_PORT (" + settings.sqsPort() + "), ANB_S3_PORT (" + settings.s3Port()
                        + "), ANB_SMTP_PORT (" + settings.smtpPort() + ") or ANB_IMAP_PORT (" + settings.imapPort() + ")";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = firstLine(failure);
        String deepest = firstLine(root);
        return root == failure || top.contains(deepest) ? top : top + " (because: " + deepest + ")";
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse("");
    }
}
