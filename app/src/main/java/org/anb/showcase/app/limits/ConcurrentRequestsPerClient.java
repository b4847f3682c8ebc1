package org.anb.showcase.app.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.anb.showcase.app.http.Json;

/**
 * At most {@code perClient} requests in flight from one client (IPv4 address or IPv6 /64): one host holding
 * connections open with slow bodies can take that many of the server's slots, never all of them. Past it, 429 at
 * once. Counters exist only while a client has requests in flight, so the map cannot grow without bound.
 * {@code anb_api_requests_in_flight} shows the slots held by admitted requests (this process, every instance in it):
 * an operator sees a listener filling up, a test waits for it instead of sleeping.
 */
public final class ConcurrentRequestsPerClient implements Filter {
    private static final AtomicInteger ADMITTED = new AtomicInteger();

    static {
        Metrics.globalRegistry().getOrCreate(Gauge.builder("anb_api_requests_in_flight", ADMITTED::get)
                .description("Requests admitted past the per-client limit and not yet answered"));
    }

    private final int perClient;
    private final ClientAddresses clients;
    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public ConcurrentRequestsPerClient(int perClient, ClientAddresses clients) {
        this.perClient = perClient;
        this.clients = clients;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String client = clients.keyOf(req);
        AtomicInteger count = inFlight.compute(client, (key, current) -> {
            AtomicInteger counter = current == null ? new AtomicInteger() : current;
            counter.incrementAndGet();
            return counter;
        });
        try {
            if (count.get() > perClient) {
                // Answered here, not thrown: and the connection closed, so its unread body is not waited for.
                res.header(HeaderNames.RETRY_AFTER, "1").header(HeaderValues.CONNECTION_CLOSE);
                Json.send(res, 429, Map.of("message", "Demasiadas solicitudes simultáneas desde tu conexión."));
                return;
            }
            ADMITTED.incrementAndGet();
            try {
                chain.proceed();
            } finally {
                ADMITTED.decrementAndGet();
            }
        } finally {
            inFlight.computeIfPresent(client, (key, counter) -> counter.decrementAndGet() == 0 ? null : counter);
        }
    }
}
