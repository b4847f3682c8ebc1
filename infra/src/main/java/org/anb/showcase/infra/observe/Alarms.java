package org.anb.showcase.infra.observe;

import org.anb.showcase.infra.Policies;
import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.compute.ApiTier;
import org.anb.showcase.infra.compute.WorkerTier;
import org.anb.showcase.infra.data.Database;
import org.anb.showcase.infra.data.DatabaseConnections;
import org.anb.showcase.infra.data.JobQueue;
import org.anb.showcase.infra.edge.Cdn;
import org.anb.showcase.infra.edge.LoadBalancer;
import org.anb.showcase.infra.mail.Mail;

import java.util.Map;

import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.LogMetricFilterArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.LogMetricFilterMetricTransformationArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * What pages someone: jobs dead-lettered (counted from the worker's own log line: its handler drains the dead-letter
 * queue, so that queue's depth never rises), jobs waiting too long, the load balancer's own 5xx, a target 5xx rate
 * over 5 %, p95 latency over a second, unhealthy API targets, a busy, crowded or full database. All alarms notify one
 * SNS topic encrypted with a key of the stack's own whose policy lets CloudWatch publish (AWS's managed SNS key does
 * not), and its e-mail subscriber from the stack config ({@code anb:alarmEmail}).
 */
public final class Alarms extends ComponentResource {
    private final Topic topic;
    private final CustomResourceOptions child;

    /** The worker writes this (with the video id) for each job its dead-letter handler marks failed. */
    public static final String DEAD_LETTER_LOG_PATTERN = "\"outcome=dead_lettered\"";
    static final String METRICS_NAMESPACE = "ANB/Worker";

    /** CloudFront publishes its metrics in this region only. */
    static final String CLOUDFRONT_METRICS_REGION = "us-east-1";

    public Alarms(String name, StackConfig config, LoadBalancer loadBalancer, Database database, JobQueue queue,
                  ApiTier api, WorkerTier workers, Mail mail, Cdn cdn, Output<String> account,
                  ComponentResourceOptions options) {
        super("anb:infra:Alarms", name, options);
        child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();
        var alb = loadBalancer.arnSuffix().applyValue(lb -> Map.of("LoadBalancer", lb));
        var targets = Output.tuple(loadBalancer.arnSuffix(), loadBalancer.targetGroupArnSuffix())
                .applyValue(t -> Map.of("LoadBalancer", t.t1, "TargetGroup", t.t2));
        var db = database.identifier().applyValue(id -> Map.of("DBInstanceIdentifier", id));
        var key = new Key(prefix + "-alarms", KeyArgs.builder()
                .description("Encrypts the alarm topic; CloudWatch may use it to publish alarms")
                .enableKeyRotation(true).deletionWindowInDays(7).policy(account.applyValue(Alarms::keyPolicy))
                .build(), child);
        topic = new Topic(prefix + "-alarms", TopicArgs.builder().name(prefix + "-alarms")
                .kmsMasterKeyId(key.arn()).build(), child);
        Budget.create(config, child);
        config.alarmEmail().ifPresent(email -> new TopicSubscription(prefix + "-alarms-email",
                TopicSubscriptionArgs.builder().topic(topic.arn()).protocol("email").endpoint(email).build(), child));

        new LogMetricFilter(prefix + "-dead-lettered", LogMetricFilterArgs.builder().name(prefix + "-dead-lettered")
                .logGroupName(workers.logGroupName()).pattern(DEAD_LETTER_LOG_PATTERN)
                .metricTransformation(LogMetricFilterMetricTransformationArgs.builder().namespace(METRICS_NAMESPACE)
                        .name(prefix + "-dead-lettered-jobs").value("1").defaultValue("0").build())
                .build(), child);
        alarm(prefix + "-jobs-dead-lettered", "Jobs failed 5 times and were dead-lettered: their videos are failed",
                MetricAlarmArgs.builder().namespace(METRICS_NAMESPACE).metricName(prefix + "-dead-lettered-jobs")
                        .statistic("Sum").period(300).evaluationPeriods(1).threshold(0.0)
                        .comparisonOperator("GreaterThanThreshold"));
        alarm(prefix + "-jobs-waiting", "The oldest job has waited more than 10 minutes: workers are behind or down",
                MetricAlarmArgs.builder().namespace("AWS/SQS").metricName("ApproximateAgeOfOldestMessage")
                        .dimensions(queue.jobsName().applyValue(q -> Map.of("QueueName", q)))
                        .statistic("Maximum").period(300).evaluationPeriods(1).threshold(600.0)
                        .comparisonOperator("GreaterThanThreshold"));
        alarm(prefix + "-alb-own-5xx", "The load balancer itself answered 5xx (no healthy target, timeouts)",
                MetricAlarmArgs.builder().namespace("AWS/ApplicationELB").metricName("HTTPCode_ELB_5XX_Count")
                        .dimensions(alb)
                        .statistic("Sum").period(300).evaluationPeriods(1).threshold(10.0)
                        .comparisonOperator("GreaterThanThreshold"));
        alarm(prefix + "-api-p95-latency", "API p95 response time above 1 s", MetricAlarmArgs.builder()
                .namespace("AWS/ApplicationELB").metricName("TargetResponseTime")
                .dimensions(alb)
                .extendedStatistic("p95").period(300).evaluationPeriods(2).threshold(1.0)
                .comparisonOperator("GreaterThanThreshold"));
        alarm(prefix + "-alb-5xx-rate", "More than 5 % of API requests answered 5xx", MetricAlarmArgs.builder()
                .metricQueries(
                        query("errors", alb, "HTTPCode_Target_5XX_Count"),
                        query("requests", alb, "RequestCount"),
                        MetricAlarmMetricQueryArgs.builder().id("rate").label("5xx %")
                                .expression("IF(requests > 0, 100 * errors / requests, 0)").returnData(true).build())
                .evaluationPeriods(2).threshold(5.0).comparisonOperator("GreaterThanThreshold"));
        atMaximum(prefix + "-api-at-max", "API", api.groupName(), config.apiMaxSize());
        atMaximum(prefix + "-workers-at-max", "worker", workers.groupName(), config.workerMaxSize());
        if (CLOUDFRONT_METRICS_REGION.equals(config.region())) {
            // What viewers get: the origin unreachable (the VPC origin's path, no healthy API) shows here first.
            alarm(prefix + "-cdn-5xx-rate", "More than 5 % of CloudFront's answers are 5xx: viewers see errors",
                    MetricAlarmArgs.builder().namespace("AWS/CloudFront").metricName("5xxErrorRate")
                            .dimensions(cdn.distributionId().applyValue(id -> Map.of("DistributionId", id,
                                    "Region", "Global")))
                            .statistic("Average").period(300).evaluationPeriods(2).threshold(5.0)
                            .comparisonOperator("GreaterThanThreshold"));
        }
        // Silence is the outage here: with no healthy target the metric may stop altogether.
        alarm(prefix + "-api-none-healthy", "No API instance is healthy: every request through CloudFront fails",
                MetricAlarmArgs.builder().namespace("AWS/ApplicationELB").metricName("HealthyHostCount")
                        .dimensions(targets)
                        .statistic("Minimum").period(60).evaluationPeriods(2).threshold(1.0)
                        .comparisonOperator("LessThanThreshold"), "breaching");
        alarm(prefix + "-api-unhealthy", "An API target failed its health check", MetricAlarmArgs.builder()
                .namespace("AWS/ApplicationELB").metricName("UnHealthyHostCount")
                .dimensions(targets)
                .statistic("Maximum").period(60).evaluationPeriods(3).threshold(0.0)
                .comparisonOperator("GreaterThanThreshold"));
        alarm(prefix + "-db-cpu", "Database CPU above 80 %", MetricAlarmArgs.builder()
                .namespace("AWS/RDS").metricName("CPUUtilization")
                .dimensions(db)
                .statistic("Average").period(300).evaluationPeriods(2).threshold(80.0)
                .comparisonOperator("GreaterThanThreshold"));
        DatabaseConnections connections = DatabaseConnections.of(config);
        alarm(prefix + "-db-connections", "Database connections above " + connections.alarmThreshold() + " (80 % of the "
                        + connections.limit() + " " + connections.instanceClass() + " allows; the pools hold at most "
                        + connections.pooledAtFullScale() + "): something else holds connections, new ones will fail",
                MetricAlarmArgs.builder().namespace("AWS/RDS").metricName("DatabaseConnections")
                        .dimensions(db)
                        .statistic("Maximum").period(300).evaluationPeriods(2)
                        .threshold((double) connections.alarmThreshold())
                        .comparisonOperator("GreaterThanThreshold"));
        alarm(prefix + "-db-storage", "Database free storage below 2 GiB", MetricAlarmArgs.builder()
                .namespace("AWS/RDS").metricName("FreeStorageSpace")
                .dimensions(db)
                .statistic("Minimum").period(300).evaluationPeriods(1).threshold(2.0 * 1024 * 1024 * 1024)
                .comparisonOperator("LessThanThreshold"));
        if (mail.sending().isPresent()) {
            // SES pauses an account's sending past 10 % bounces or 0.5 % complaints: page well before that.
            alarm(prefix + "-mail-bounces", "More than 5 % of mail bounced: SES may pause sending (confirmations stop)",
                    MetricAlarmArgs.builder().namespace("AWS/SES").metricName("Reputation.BounceRate")
                            .statistic("Average").period(3600).evaluationPeriods(1).threshold(0.05)
                            .comparisonOperator("GreaterThanThreshold"));
            alarm(prefix + "-mail-complaints", "More than 0.1 % of mail marked as spam: SES may pause sending",
                    MetricAlarmArgs.builder().namespace("AWS/SES").metricName("Reputation.ComplaintRate")
                            .statistic("Average").period(3600).evaluationPeriods(1).threshold(0.001)
                            .comparisonOperator("GreaterThanThreshold"));
        }
        registerOutputs(Map.of("topicArn", topic.arn()));
    }

    /**
     * A group that has sat at its maximum for 15 minutes can add nothing more: the next surge queues (jobs) or
     * slows (requests). Raise the maximum, or find what holds it there.
     */
    private void atMaximum(String name, String tier, Output<String> group, int maxSize) {
        alarm(name, "The " + tier + " group has run at its maximum (" + maxSize + ") for 15 minutes: it cannot grow",
                MetricAlarmArgs.builder().namespace("AWS/AutoScaling").metricName("GroupInServiceInstances")
                        .dimensions(group.applyValue(g -> Map.of("AutoScalingGroupName", g)))
                        .statistic("Minimum").period(300).evaluationPeriods(3).threshold((double) maxSize)
                        .comparisonOperator("GreaterThanOrEqualToThreshold"));
    }

    /** The account administers the key; CloudWatch may use it to publish to the topic, nothing else. */
    static String keyPolicy(String account) {
        return Policies.json(Map.of("Version", "2012-10-17", "Statement", java.util.List.of(
                Map.of("Sid", "AccountAdministers", "Effect", "Allow",
                        "Principal", Map.of("AWS", "arn:aws:iam::" + account + ":root"),
                        "Action", "kms:*", "Resource", "*"),
                Map.of("Sid", "CloudWatchPublishesAlarms", "Effect", "Allow",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", java.util.List.of("kms:Decrypt", "kms:GenerateDataKey*"), "Resource", "*"))));
    }

    private void alarm(String name, String description, MetricAlarmArgs.Builder args) {
        alarm(name, description, args, "notBreaching");
    }

    /** @param missingData what no data means: "breaching" where silence is itself the outage */
    private void alarm(String name, String description, MetricAlarmArgs.Builder args, String missingData) {
        new MetricAlarm(name, args.name(name).alarmDescription(description).treatMissingData(missingData)
                .alarmActions(topic.arn().applyValue(java.util.List::of))
                .okActions(topic.arn().applyValue(java.util.List::of)).build(), child);
    }

    private static MetricAlarmMetricQueryArgs query(String id, Output<Map<String, String>> alb, String metric) {
        return MetricAlarmMetricQueryArgs.builder().id(id).returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder().namespace("AWS/ApplicationELB").metricName(metric)
                        .dimensions(alb)
                        .stat("Sum").period(300).build())
                .build();
    }
}
