package org.anb.showcase.infra.compute;

import org.anb.showcase.infra.Policies;
import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.data.Database;
import org.anb.showcase.infra.data.JobQueue;
import org.anb.showcase.infra.data.MediaStorage;
import org.anb.showcase.infra.delivery.ImageRegistry;
import org.anb.showcase.infra.network.Firewall;
import org.anb.showcase.infra.network.Network;

import java.util.List;
import java.util.Map;

import com.pulumi.aws.autoscaling.Policy;
import com.pulumi.aws.autoscaling.PolicyArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationCustomizedMetricSpecificationArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricMetricStatArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The workers: an Auto Scaling group in the private subnets running the worker image by digest, scaled on the
 * backlog per instance ((waiting + running jobs) ÷ in-service workers, target tracking with metric math as AWS
 * recommends for queue consumers: counting only the waiting ones would shrink the group while it encodes). Its role
 * can only consume the two queues, read originals, write processed media, read the DB secret and pull its image. A
 * worker holding a job is protected from scale-in (ScaleInProtection in the worker); on any other stop, Docker's stop
 * timeout gives running jobs time to finish or go back.
 */
public final class WorkerTier extends ComponentResource {
    static final int STOP_TIMEOUT_SECONDS = 90;

    private final InstanceFleet fleet;

    public WorkerTier(String name, StackConfig config, Network network, Firewall firewall, Database database,
                      MediaStorage media, JobQueue queue, ImageRegistry images, ComponentResourceOptions options) {
        super("anb:infra:WorkerTier", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();
        Output<String> bucket = media.arn();
        List<Policies.Grant> grants = new java.util.ArrayList<>(List.of(
                Policies.allow(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                        "sqs:GetQueueUrl", "sqs:GetQueueAttributes"), queue.jobsArn(), queue.deadLettersArn()),
                Policies.allow(List.of("s3:GetObject"), bucket.applyValue(arn -> arn + "/uploads/*")),
                Policies.allow(List.of("s3:PutObject", "s3:DeleteObject"), bucket.applyValue(arn -> arn + "/processed/*")),
                Policies.allow(List.of("secretsmanager:GetSecretValue"), database.masterSecretArn())));
        grants.addAll(Policies.ecrPull(images.workerRepositoryArn()));
        var userData = new ContainerUserData(config.region())
                .database(database)
                .storageAndQueues(media, queue)
                .env("WORKER_SHUTDOWN_DASH_GRACE_DASH_SECONDS", String.valueOf(STOP_TIMEOUT_SECONDS - 30))
                .env("WORKER_SCALE_DASH_IN_DASH_PROTECTION", "true")
                // ffmpeg runs inside the container: the cap covers it too (the JVM takes a quarter, worker/Dockerfile).
                .memoryLimit(InstanceTypes.containerMemoryMib(config.workerInstanceType()))
                .metricsToCloudWatch(PrometheusScrape.WORKER)
                .replacedWhenUnhealthy();
        fleet = new InstanceFleet(new InstanceFleet.Spec(prefix + "-worker", config.workerInstanceType(),
                firewall.workerGroupId(), network.privateSubnetIds(), config.workerMinSize(), config.workerMaxSize(),
                "EC2", null, new InstanceFleet.Refresh(List.of(), true)),
                // The metrics port is published for the host's CloudWatch agent; the security group admits nothing to it.
                grants, userData, "anb-worker", images.workerImageDigest(), List.of(PrometheusScrape.WORKER.port()),
                STOP_TIMEOUT_SECONDS, child);
        // The watchdog may mark its own group's instances unhealthy, and a worker holding a job may protect itself
        // from scale-in (finding its group first: Describe accepts no narrower resource): nothing else.
        new RolePolicy(prefix + "-worker-self-health", RolePolicyArgs.builder().role(fleet.role.id())
                .policy(Policies.document(List.of(
                        Policies.allow(List.of("autoscaling:SetInstanceHealth", "autoscaling:SetInstanceProtection"),
                                fleet.group.arn()),
                        Policies.allow(List.of("autoscaling:DescribeAutoScalingInstances"), Output.of("*")))))
                .build(), child);

        new Policy(prefix + "-worker-backlog", PolicyArgs.builder().autoscalingGroupName(fleet.group.name())
                .policyType("TargetTrackingScaling")
                .targetTrackingConfiguration(PolicyTargetTrackingConfigurationArgs.builder()
                        .targetValue((double) config.workerBacklogPerInstance())
                        .customizedMetricSpecification(PolicyTargetTrackingConfigurationCustomizedMetricSpecificationArgs
                                .builder().metrics(
                                        metric("visible", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName",
                                                queue.jobsName()),
                                        metric("inFlight", "AWS/SQS", "ApproximateNumberOfMessagesNotVisible", "QueueName",
                                                queue.jobsName()),
                                        metric("workers", "AWS/AutoScaling", "GroupInServiceInstances",
                                                "AutoScalingGroupName", fleet.group.name()),
                                        PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricArgs.builder()
                                                .id("backlogPerWorker").label("Jobs waiting or running per in-service worker")
                                                .expression("IF(workers > 0, (visible + inFlight) / workers, visible + inFlight)")
                                                .returnData(true).build())
                                .build())
                        .build())
                .build(), child);
        registerOutputs(Map.of("autoScalingGroup", fleet.group.name()));
    }

    /** The Auto Scaling group's name (its metrics' dimension). */
    public Output<String> groupName() {
        return fleet.group.name();
    }

    /** Where the worker containers log (CloudWatch Logs): the dead-lettered-jobs alarm counts its lines. */
    public Output<String> logGroupName() {
        return fleet.logs.name();
    }

    private static PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricArgs metric(
            String id, String namespace, String name, String dimension, Output<String> value) {
        return PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricArgs.builder().id(id).returnData(false)
                .metricStat(PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricMetricStatArgs.builder()
                        .stat("Average")
                        .metric(PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs
                                .builder().namespace(namespace).metricName(name)
                                .dimensions(PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs
                                        .builder().name(dimension).value(value).build())
                                .build())
                        .build())
                .build();
    }
}
