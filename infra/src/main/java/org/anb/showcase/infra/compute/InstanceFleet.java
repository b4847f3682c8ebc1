package org.anb.showcase.infra.compute;

import org.anb.showcase.infra.Policies;
import org.anb.showcase.infra.Tags;

import java.util.List;

import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.GroupArgs;
import com.pulumi.aws.autoscaling.inputs.GroupInstanceRefreshArgs;
import com.pulumi.aws.autoscaling.inputs.GroupInstanceRefreshPreferencesAlarmSpecificationArgs;
import com.pulumi.aws.autoscaling.inputs.GroupInstanceRefreshPreferencesArgs;
import com.pulumi.aws.autoscaling.inputs.GroupLaunchTemplateArgs;
import com.pulumi.aws.autoscaling.inputs.GroupTagArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateIamInstanceProfileArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.aws.ssm.outputs.GetParameterResult;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * What the API and the worker tiers share: a CloudWatch log group, an IAM role with exactly the given grants, a
 * launch template (Amazon Linux 2023, its image ID read from SSM at deploy time, private subnets only, IMDSv2 required, encrypted gp3 root volume) and
 * an Auto Scaling group that replaces instances with a rolling refresh whenever the launch template changes.
 */
public final class InstanceFleet {
    /**
     * AWS's public SSM parameter naming the current Amazon Linux 2023 image. The program reads it and gives the launch
     * template the ID itself: a refresh can roll back only to a template naming an image, not a parameter (and a new
     * image, a patched OS, then rolls the fleet like any other change, in the preview's diff).
     */
    static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

    final LogGroup logs;
    /** Where the CloudWatch agent writes the container's scraped metrics (in the embedded metric format). */
    final LogGroup metricsLogs;
    final Role role;
    final LaunchTemplate launchTemplate;
    final Group group;

    record Spec(String name, String instanceType, Output<String> securityGroupId, Output<List<String>> subnetIds,
                int minSize, int maxSize, String healthCheckType, Output<List<String>> targetGroupArns,
                Refresh refresh) {
    }

    /**
     * How a deploy replaces the instances: new ones launch before old ones go (100 % healthy kept, up to 200 %: a
     * group of one keeps serving), and the refresh rolls itself back when an instance never becomes healthy or one of
     * {@code rollbackAlarms} goes off meanwhile. {@code waitForProtected}: instances protected from scale-in (a worker
     * mid-encode) are replaced once their protection ends, not skipped.
     */
    record Refresh(List<String> rollbackAlarms, boolean waitForProtected) {
    }

    public InstanceFleet(Spec spec, List<Policies.Grant> grants, ContainerUserData userData, String container,
                         Output<String> image, List<Integer> ports, int stopTimeoutSeconds, CustomResourceOptions child) {
        logs = new LogGroup(spec.name(), LogGroupArgs.builder().name("/anb/" + spec.name())
                .retentionInDays(30).build(), child);
        role = new Role(spec.name(), RoleArgs.builder().assumeRolePolicy(Policies.assumeRole("ec2.amazonaws.com"))
                .tags(Tags.named(spec.name())).build(), child);
        metricsLogs = new LogGroup(spec.name() + "-metrics", LogGroupArgs.builder().name("/anb/" + spec.name() + "/metrics")
                .retentionInDays(7).build(), child);
        List<Policies.Grant> all = new java.util.ArrayList<>(grants);
        all.add(Policies.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                logs.arn().applyValue(arn -> arn + ":*")));
        all.add(Policies.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                metricsLogs.arn().applyValue(arn -> arn + ":*")));
        new RolePolicy(spec.name(), RolePolicyArgs.builder().role(role.id()).policy(Policies.document(all)).build(), child);
        var profile = new InstanceProfile(spec.name(), InstanceProfileArgs.builder().role(role.name()).build(), child);

        launchTemplate = new LaunchTemplate(spec.name(), LaunchTemplateArgs.builder()
                .namePrefix(spec.name() + "-")
                .imageId(SsmFunctions.getParameter(GetParameterArgs.builder().name(AMI_PARAMETER).build())
                        .applyValue(GetParameterResult::value))
                .instanceType(spec.instanceType())
                .vpcSecurityGroupIds(Output.all(spec.securityGroupId()))
                .iamInstanceProfile(LaunchTemplateIamInstanceProfileArgs.builder().arn(profile.arn()).build())
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder().httpEndpoint("enabled")
                        .httpTokens("required").httpPutResponseHopLimit(2).build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder().deviceName("/dev/xvda")
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder().volumeSize(30).volumeType("gp3")
                                .encrypted("true").deleteOnTermination("true").build())
                        .build())
                .userData(userData.render(container, image, logs.name(), metricsLogs.name(), ports, stopTimeoutSeconds))
                .updateDefaultVersion(true)
                .tags(Tags.named(spec.name()))
                .build(), child);

        var groupArgs = GroupArgs.builder()
                .namePrefix(spec.name() + "-")
                .vpcZoneIdentifiers(spec.subnetIds())
                .minSize(spec.minSize()).maxSize(spec.maxSize())
                .launchTemplate(GroupLaunchTemplateArgs.builder().id(launchTemplate.id())
                        .version(launchTemplate.latestVersion().applyValue(String::valueOf)).build())
                .healthCheckType(spec.healthCheckType()).healthCheckGracePeriod(180)
                .metricsGranularity("1Minute").enabledMetrics("GroupInServiceInstances", "GroupDesiredCapacity")
                .instanceRefresh(GroupInstanceRefreshArgs.builder().strategy("Rolling")
                        .preferences(refreshPreferences(spec.refresh())).build())
                .tags(GroupTagArgs.builder().key("Name").value(spec.name()).propagateAtLaunch(true).build());
        if (spec.targetGroupArns() != null) {
            groupArgs.targetGroupArns(spec.targetGroupArns());
        }
        group = new Group(spec.name(), groupArgs.build(), child);
    }

    private static GroupInstanceRefreshPreferencesArgs refreshPreferences(Refresh refresh) {
        var preferences = GroupInstanceRefreshPreferencesArgs.builder()
                .minHealthyPercentage(100).maxHealthyPercentage(200).instanceWarmup("180")
                .autoRollback(true).skipMatching(true)
                .scaleInProtectedInstances(refresh.waitForProtected() ? "Wait" : "Ignore");
        if (!refresh.rollbackAlarms().isEmpty()) {
            preferences.alarmSpecification(GroupInstanceRefreshPreferencesAlarmSpecificationArgs.builder()
                    .alarms(refresh.rollbackAlarms()).build());
        }
        return preferences.build();
    }
}
