package org.anb.showcase.infra;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 26: a refresh that goes wrong undoes itself, and a group of one keeps serving while it is replaced. */
class SelfCheckingDeploysTest {
    @Test
    @SuppressWarnings("unchecked")
    void theApiRefreshLaunchesBeforeItTerminatesAndRollsBackOnItsAlarms() {
        for (String stack : List.of("dev", "prod")) {
            var deployed = DeployedStack.of(stack);
            var api = deployed.named("aws:autoscaling/group:Group", "anb-" + stack + "-api");
            assertThat(input(api, "instanceRefresh.preferences.autoRollback")).isEqualTo(true);
            assertThat(input(api, "instanceRefresh.preferences.minHealthyPercentage")).as("dev's one instance stays")
                    .isEqualTo(100.0);
            assertThat(input(api, "instanceRefresh.preferences.maxHealthyPercentage")).isEqualTo(200.0);
            var alarms = (List<String>) input(api, "instanceRefresh.preferences.alarmSpecification.alarms");
            assertThat(alarms).containsExactly("anb-" + stack + "-alb-5xx-rate", "anb-" + stack + "-api-unhealthy");
            var existing = deployed.registered("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                    .map(alarm -> input(alarm, "name")).toList();
            assertThat(existing).as("the alarms the refresh watches exist").containsAll(alarms);
            var worker = deployed.named("aws:autoscaling/group:Group", "anb-" + stack + "-worker");
            assertThat(input(worker, "instanceRefresh.preferences.autoRollback")).isEqualTo(true);
            assertThat(input(worker, "instanceRefresh.preferences.scaleInProtectedInstances"))
                    .as("a worker mid-encode is replaced after its job, not skipped").isEqualTo("Wait");
        }
    }

    @Test
    void launchTemplatesNameAnImageSoARefreshCanRollBackToThem() {
        for (String tier : List.of("api", "worker")) {
            var template = DeployedStack.of("dev").named("aws:ec2/launchTemplate:LaunchTemplate", "anb-dev-" + tier);
            assertThat(input(template, "imageId")).isEqualTo(MockCloud.AMI_ID);
            var group = DeployedStack.of("dev").named("aws:autoscaling/group:Group", "anb-dev-" + tier);
            assertThat(String.valueOf(input(group, "launchTemplate.version"))).as("a numbered version, not $Latest")
                    .matches("\\d+");
        }
    }

    @Test
    void thePipelineKnowsWhichGroupsToWaitFor() {
        var dev = DeployedStack.of("dev");
        assertThat(DeployedStack.value(dev.result.output("apiGroupName", String.class))).isEqualTo("anb-dev-api-asg");
        assertThat(DeployedStack.value(dev.result.output("workerGroupName", String.class))).isEqualTo("anb-dev-worker-asg");
    }

    @Test
    void onlyAWorkerMayProtectItselfFromScaleInAndOnlyInItsOwnGroup() {
        for (String stack : List.of("dev", "prod")) {
            var deployed = DeployedStack.of(stack);
            var statements = com.google.gson.JsonParser.parseString(String.valueOf(input(deployed.named(
                    "aws:iam/rolePolicy:RolePolicy", "anb-" + stack + "-worker-self-health"), "policy")))
                    .getAsJsonObject().getAsJsonArray("Statement").asList();
            assertThat(statements).anySatisfy(s -> {
                assertThat(s.toString()).contains("autoscaling:SetInstanceProtection");
                assertThat(s.getAsJsonObject().getAsJsonArray("Resource").asList()).extracting(e -> e.getAsString())
                        .containsExactly("arn:aws:autoscaling:us-east-1:123456789012:anb-" + stack + "-worker");
            });
            assertThat(statements).filteredOn(s -> s.toString().contains("\"*\""))
                    .allSatisfy(s -> assertThat(s.toString()).contains("autoscaling:DescribeAutoScalingInstances")
                            .doesNotContain("SetInstance"));
            assertThat(deployed.registered("aws:iam/rolePolicy:RolePolicy")).filteredOn(p -> !p.name().endsWith("-worker-self-health"))
                    .noneMatch(p -> String.valueOf(input(p, "policy")).contains("SetInstanceProtection"));
            String script = UserDataScripts.decode(deployed.named("aws:ec2/launchTemplate:LaunchTemplate", "anb-" + stack + "-worker"));
            assertThat(script).contains("WORKER_SCALE_DASH_IN_DASH_PROTECTION=true").containsPattern("--memory \\d+m");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkerGroupScalesOnJobsWaitingAndRunningPerWorker() {
        var policy = DeployedStack.of("dev").named("aws:autoscaling/policy:Policy", "anb-dev-worker-backlog");
        var metrics = (List<java.util.Map<String, Object>>) input(policy,
                "targetTrackingConfiguration.customizedMetricSpecification.metrics");
        assertThat(String.valueOf(metrics)).contains("ApproximateNumberOfMessagesVisible",
                "ApproximateNumberOfMessagesNotVisible", "GroupInServiceInstances");
        assertThat(metrics).filteredOn(m -> Boolean.TRUE.equals(m.get("returnData"))).singleElement()
                .satisfies(m -> assertThat(m.get("expression")).isEqualTo("IF(workers > 0, (visible + inFlight) / workers, visible + inFlight)"));
    }
}
