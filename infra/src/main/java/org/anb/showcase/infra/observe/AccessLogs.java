package org.anb.showcase.infra.observe;

import org.anb.showcase.infra.Policies;
import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.compute.InstanceFleet;
import org.anb.showcase.infra.data.Database;
import org.anb.showcase.infra.data.PrivateBucket;
import org.anb.showcase.infra.network.Network;

import java.util.List;
import java.util.Map;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * What there is to read when something went wrong at the edges: the load balancer's access logs (a private bucket
 * only ELB's log delivery may write, kept {@value #KEEP_DAYS} days) and the VPC's flow logs (CloudWatch Logs, kept as
 * long). The database exports its own logs ({@link Database}); the containers log to CloudWatch ({@link InstanceFleet}).
 */
public final class AccessLogs extends ComponentResource {
    public static final int KEEP_DAYS = 90;
    public static final String ALB_PREFIX = "alb";

    private final PrivateBucket bucket;
    private final BucketPolicy bucketPolicy;

    public AccessLogs(String name, StackConfig config, Network network, Output<String> account,
                      ComponentResourceOptions options) {
        super("anb:infra:AccessLogs", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();

        bucket = new PrivateBucket(prefix + "-logs", !config.dbDeletionProtection(), config.protectsData(), child);
        bucketPolicy = bucket.writableOnlyByLoadBalancers(config.region(), ALB_PREFIX, account);
        new BucketLifecycleConfigurationV2(prefix + "-logs", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.bucket().id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder().id("expire").status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(KEEP_DAYS).build())
                        .build())
                .build(), child);

        var flowLogs = new LogGroup(prefix + "-vpc-flow", LogGroupArgs.builder().name("/anb/" + prefix + "-vpc-flow")
                .retentionInDays(KEEP_DAYS).build(), child);
        var role = new Role(prefix + "-vpc-flow", RoleArgs.builder()
                .assumeRolePolicy(Policies.assumeRole("vpc-flow-logs.amazonaws.com")).build(), child);
        new RolePolicy(prefix + "-vpc-flow", RolePolicyArgs.builder().role(role.id()).policy(Policies.document(List.of(
                Policies.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                        flowLogs.arn().applyValue(arn -> arn + ":*"))))).build(), child);
        new FlowLog(prefix + "-vpc", FlowLogArgs.builder().vpcId(network.vpcId()).trafficType("ALL")
                .logDestinationType("cloud-watch-logs").logDestination(flowLogs.arn()).iamRoleArn(role.arn())
                .maxAggregationInterval(600).build(), child);
        registerOutputs(Map.of("bucket", bucketName()));
    }

    /** Where the load balancer writes its access logs (under {@value #ALB_PREFIX}/). */
    public Output<String> bucketName() {
        return bucket.bucket().bucket();
    }

    /** The load balancer must wait for it: it checks it may write before it starts logging. */
    public BucketPolicy bucketPolicy() {
        return bucketPolicy;
    }
}
