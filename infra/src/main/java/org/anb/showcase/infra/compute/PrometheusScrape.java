package org.anb.showcase.infra.compute;

import org.anb.showcase.infra.Policies;
import org.anb.showcase.infra.network.Firewall;

import java.util.List;
import java.util.Map;

/**
 * The instance's own Prometheus metrics ({@code /observe/metrics}) in CloudWatch: the CloudWatch agent scrapes the
 * container every minute and writes the chosen series to a log group in the embedded metric format, which CloudWatch
 * turns into metrics under {@link #NAMESPACE} — counters as per-minute deltas — for the dashboard. Only the series
 * named here become metrics (each costs money); the rest stay in the log group for a week.
 *
 * @param job       the scrape job's name, also the metrics' {@code job} dimension ({@code anb-api}, {@code anb-worker})
 * @param port      the container's metrics port on the host
 * @param selectors the metric names (regular expressions) and the label sets to keep as dimensions
 */
public record PrometheusScrape(String job, int port, List<Selection> selectors) {
    public static final String NAMESPACE = "ANB/Instances";
    public static final String METRICS_PATH = "/observe/metrics";

    /** Series whose name matches {@code metric} become metrics with these dimensions (beside {@code job}). */
    public record Selection(String metric, List<String> dimensions) {
    }

    /** The API's health listener (8082): it answers while a flood holds every slot of the public one (8080). */
    public static final PrometheusScrape API = new PrometheusScrape("anb-api", Firewall.API_HEALTH_PORT, List.of(
            new Selection("^anb_api_requests_seconds_count$", List.of("status")),
            new Selection("^anb_api_requests_in_flight$", List.of()),
            new Selection("^hikaricp_connections_(active|pending)$", List.of()),
            new Selection("^anb_api_vote_batch_size_(sum|count)$", List.of()),
            new Selection("^jvm_memory_used_bytes$", List.of("area"))));
    public static final PrometheusScrape WORKER = new PrometheusScrape("anb-worker", 8081, List.of(
            new Selection("^anb_worker_jobs_in_flight$", List.of()),
            new Selection("^anb_worker_jobs_total$", List.of("outcome")),
            new Selection("^anb_worker_queue_lag_seconds$", List.of()),
            new Selection("^jvm_memory_used_bytes$", List.of("area"))));

    /** Prometheus's own scrape configuration, which the agent reads. */
    String scrapeConfig() {
        return """
                global:
                  scrape_interval: 1m
                  scrape_timeout: 10s
                scrape_configs:
                  - job_name: %s
                    metrics_path: %s
                    static_configs:
                      - targets: ['localhost:%d']
                """.formatted(job, METRICS_PATH, port);
    }

    /** The agent's configuration: the scrape above, into {@code logGroup}, the selected series as metrics. */
    String agentConfig(String logGroup, String scrapeConfigPath) {
        List<Map<String, Object>> declarations = selectors.stream().map(s -> Map.<String, Object>of(
                "source_labels", List.of("job"), "label_matcher", "^" + job + "$",
                "dimensions", List.of(dimensions(s)), "metric_selectors", List.of(s.metric()))).toList();
        return Policies.json(Map.of("agent", Map.of("metrics_collection_interval", 60),
                "logs", Map.of("metrics_collected", Map.of("prometheus", Map.of(
                        "log_group_name", logGroup, "prometheus_config_path", scrapeConfigPath,
                        "emf_processor", Map.of("metric_namespace", NAMESPACE, "metric_declaration", declarations))))));
    }

    private static List<String> dimensions(Selection selection) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("job"), selection.dimensions().stream()).toList();
    }
}
