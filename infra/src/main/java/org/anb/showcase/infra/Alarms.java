package org.anb.showcase.infra;

import java.util.Map;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * What pages someone: jobs in the dead-letter queue, an ALB 5xx rate over 5 %, unhealthy API targets, a busy or
 * full database. All alarms notify one SNS topic (and its e-mail subscriber, when configured).
 */
public final class Alarms extends ComponentResource {
    private final Topic topic;
    private final CustomResourceOptions child;

    public Alarms(String name, StackConfig config, LoadBalancer loadBalancer, Database database, JobQueue queue,
                  ComponentResourceOptions options) {
        super("anb:infra:Alarms", name, options);
        child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();
        topic = new Topic(prefix + "-alarms", TopicArgs.builder().name(prefix + "-alarms")
                .kmsMasterKeyId("alias/aws/sns").build(), child);
        config.alarmEmail().ifPresent(email -> new TopicSubscription(prefix + "-alarms-email",
                TopicSubscriptionArgs.builder().topic(topic.arn()).protocol("email").endpoint(email).build(), child));

        alarm(prefix + "-dlq-not-empty", "Jobs failed 5 times and reached the dead-letter queue", MetricAlarmArgs.builder()
                .namespace("AWS/SQS").metricName("ApproximateNumberOfMessagesVisible")
                .dimensions(queue.deadLettersName().applyValue(q -> Map.of("QueueName", q)))
                .statistic("Maximum").period(300).evaluationPeriods(1).threshold(0.0)
                .comparisonOperator("GreaterThanThreshold"));
        alarm(prefix + "-alb-5xx-rate", "More than 5 % of API requests answered 5xx", MetricAlarmArgs.builder()
                .metricQueries(
                        query("errors", loadBalancer, "HTTPCode_Target_5XX_Count"),
                        query("requests", loadBalancer, "RequestCount"),
                        MetricAlarmMetricQueryArgs.builder().id("rate").label("5xx %")
                                .expression("IF(requests > 0, 100 * errors / requests, 0)").returnData(true).build())
                .evaluationPeriods(2).threshold(5.0).comparisonOperator("GreaterThanThreshold"));
        alarm(prefix + "-api-unhealthy", "An API target failed its health check", MetricAlarmArgs.builder()
                .namespace("AWS/ApplicationELB").metricName("UnHealthyHostCount")
                .dimensions(Output.tuple(loadBalancer.arnSuffix(), loadBalancer.targetGroupArnSuffix())
                        .applyValue(t -> Map.of("LoadBalancer", t.t1, "TargetGroup", t.t2)))
                .statistic("Maximum").period(60).evaluationPeriods(3).threshold(0.0)
                .comparisonOperator("GreaterThanThreshold"));
        alarm(prefix + "-db-cpu", "Database CPU above 80 %", MetricAlarmArgs.builder()
                .namespace("AWS/RDS").metricName("CPUUtilization")
                .dimensions(database.identifier().applyValue(id -> Map.of("DBInstanceIdentifier", id)))
                .statistic("Average").period(300).evaluationPeriods(2).threshold(80.0)
                .comparisonOperator("GreaterThanThreshold"));
        alarm(prefix + "-db-storage", "Database free storage below 2 GiB", MetricAlarmArgs.builder()
                .namespace("AWS/RDS").metricName("FreeStorageSpace")
                .dimensions(database.identifier().applyValue(id -> Map.of("DBInstanceIdentifier", id)))
                .statistic("Minimum").period(300).evaluationPeriods(1).threshold(2.0 * 1024 * 1024 * 1024)
                .comparisonOperator("LessThanThreshold"));
        registerOutputs(Map.of("topicArn", topic.arn()));
    }

    private void alarm(String name, String description, MetricAlarmArgs.Builder args) {
        new MetricAlarm(name, args.name(name).alarmDescription(description).treatMissingData("notBreaching")
                .alarmActions(topic.arn().applyValue(java.util.List::of))
                .okActions(topic.arn().applyValue(java.util.List::of)).build(), child);
    }

    private static MetricAlarmMetricQueryArgs query(String id, LoadBalancer loadBalancer, String metric) {
        return MetricAlarmMetricQueryArgs.builder().id(id).returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder().namespace("AWS/ApplicationELB").metricName(metric)
                        .dimensions(loadBalancer.arnSuffix().applyValue(lb -> Map.of("LoadBalancer", lb)))
                        .stat("Sum").period(300).build())
                .build();
    }
}
