package org.anb.showcase.app.limits;

import java.time.Duration;

import io.helidon.common.config.Config;
import io.helidon.webserver.http.ServerRequest;
import org.anb.showcase.app.http.TooManyRequestsException;

/**
 * A per-client budget for one kind of request (sign-ups, votes, reports), taken before the request does any work:
 * past it, 429 with Retry-After. Configured as {@code per-client} requests per {@code window-seconds}.
 */
public final class ClientLimit {
    private final RateLimit limit;
    private final ClientAddresses clients;

    public ClientLimit(RateLimit limit, ClientAddresses clients) {
        this.limit = limit;
        this.clients = clients;
    }

    /** The budget named {@code name}, configured under {@code config}, held in {@code store}. */
    public static ClientLimit from(String name, Config config, int defaultPerClient, Duration defaultWindow,
                                  BucketStore store, ClientAddresses clients) {
        return new ClientLimit(RateLimit.perWindow(name, store, config.get("per-client").asInt().orElse(defaultPerClient),
                Duration.ofSeconds(config.get("window-seconds").asLong().orElse(defaultWindow.toSeconds()))), clients);
    }

    /** Takes one request from the caller's budget, or throws 429. */
    public void take(ServerRequest request) {
        limit.take(clients.keyOf(request)).ifPresent(wait -> {
            throw TooManyRequestsException.tooMany(wait);
        });
    }
}
