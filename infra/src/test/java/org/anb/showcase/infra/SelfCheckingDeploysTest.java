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
}
