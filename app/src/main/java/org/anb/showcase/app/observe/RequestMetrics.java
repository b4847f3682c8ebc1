package org.anb.showcase.app.observe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Handler;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;

/**
 * Requests by route and status with their latency histogram ({@code anb_api_requests_seconds}), served in
 * Prometheus text at {@code /observe/metrics}. The route is the OpenAPI path template ({@code /api/videos/{video_id}}),
 * never the raw URL, so a client cannot grow the series without bound.
 */
public final class RequestMetrics {
    static final String NAME = "anb_api_requests_seconds";

    private final MeterRegistry registry = Metrics.globalRegistry();

    /**
     * The endpoint's handler, timed: the status is the one sent, or the one its {@link ApiException} maps to. Each
     * status's timer is looked up once, not on every request.
     */
    public Handler timed(Endpoint endpoint) {
        Handler handler = endpoint.handler();
        String method = endpoint.method().text();
        Map<Integer, Timer> byStatus = new ConcurrentHashMap<>();
        return (request, response) -> {
            long start = System.nanoTime();
            int status = 500;
            try {
                handler.handle(request, response);
                status = response.status().code();
            } catch (ApiException e) {
                status = e.status();
                throw e;
            } finally {
                byStatus.computeIfAbsent(status, code -> timer(method, endpoint.path(), code))
                        .record(Duration.ofNanos(System.nanoTime() - start));
            }
        };
    }

    private Timer timer(String method, String route, int status) {
        return registry.getOrCreate(Timer.builder(NAME).description("API requests by route and status")
                .publishPercentileHistogram(true)
                .tags(List.of(Tag.create("method", method), Tag.create("route", route),
                        Tag.create("status", String.valueOf(status)))));
    }
}
