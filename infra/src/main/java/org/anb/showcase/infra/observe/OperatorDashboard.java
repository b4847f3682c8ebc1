package org.anb.showcase.infra.observe;

import org.anb.showcase.infra.Policies;
import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.compute.PrometheusScrape;
import org.anb.showcase.infra.data.Database;
import org.anb.showcase.infra.data.JobQueue;
import org.anb.showcase.infra.edge.LoadBalancer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * One CloudWatch dashboard with the signals the alarms watch, side by side: the API's traffic, errors and p95 latency
 * at the load balancer, the jobs waiting and their age, dead-lettered jobs, the database's CPU, connections and free
 * storage, and what the instances' own metrics say (pool connections in use, jobs running and ended). What an operator
 * opens first when an alarm arrives.
 */
public final class OperatorDashboard extends ComponentResource {

    public OperatorDashboard(String name, StackConfig config, LoadBalancer loadBalancer, JobQueue queue,
                             Database database, ComponentResourceOptions options) {
        super("anb:infra:OperatorDashboard", name, options);
        String prefix = config.prefix();
        Output<String> body = Output.tuple(loadBalancer.arnSuffix(), queue.jobsName(), database.identifier())
                .applyValue(t -> Policies.json(Map.of("widgets", List.of(
                        widget("API requests and errors", 0, config.region(), List.of(
                                metric("AWS/ApplicationELB", "RequestCount", "Sum", "LoadBalancer", t.t1),
                                metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", "LoadBalancer", t.t1),
                                metric("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "Sum", "LoadBalancer", t.t1))),
                        widget("API p95 response time (s)", 12, config.region(), List.of(
                                metric("AWS/ApplicationELB", "TargetResponseTime", "p95", "LoadBalancer", t.t1))),
                        widget("Jobs waiting, oldest (s), dead-lettered", 24, config.region(), List.of(
                                metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", "QueueName", t.t2),
                                metric("AWS/SQS", "ApproximateAgeOfOldestMessage", "Maximum", "QueueName", t.t2),
                                List.of(Alarms.METRICS_NAMESPACE, prefix + "-dead-lettered-jobs", Map.of("stat", "Sum")))),
                        widget("Database CPU %, connections, free storage", 36, config.region(), List.of(
                                metric("AWS/RDS", "CPUUtilization", "Average", "DBInstanceIdentifier", t.t3),
                                metric("AWS/RDS", "DatabaseConnections", "Maximum", "DBInstanceIdentifier", t.t3),
                                metric("AWS/RDS", "FreeStorageSpace", "Minimum", "DBInstanceIdentifier", t.t3))),
                        // From the instances' own /observe/metrics (PrometheusScrape): one sample a minute each.
                        widget("Instances: API requests in flight (503 past 256 each), pool connections in use, "
                                + "worker jobs running, jobs ended", 48, config.region(), List.of(
                                        scraped("anb_api_requests_in_flight", "anb-api"),
                                        scraped("hikaricp_connections_active", "anb-api"),
                                        scraped("anb_worker_jobs_in_flight", "anb-worker"),
                                        scraped("anb_worker_jobs_total", "anb-worker")))))));
        new Dashboard(prefix, DashboardArgs.builder().dashboardName(prefix).dashboardBody(body).build(),
                CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of());
    }

    private static Map<String, Object> widget(String title, int y, String region, List<List<Object>> metrics) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", title);
        properties.put("region", region);
        properties.put("period", 300);
        properties.put("view", "timeSeries");
        properties.put("metrics", metrics);
        return Map.of("type", "metric", "x", 0, "y", y, "width", 24, "height", 12, "properties", properties);
    }

    /** A series the CloudWatch agent scraped, summed over the instances each minute. */
    private static List<Object> scraped(String name, String job) {
        return List.of(PrometheusScrape.NAMESPACE, name, "job", job, Map.of("stat", "Sum", "period", 60));
    }

    private static List<Object> metric(String namespace, String name, String stat, String dimension, String value) {
        List<Object> line = new ArrayList<>(List.of(namespace, name, dimension, value));
        line.add(Map.of("stat", stat));
        return line;
    }
}
