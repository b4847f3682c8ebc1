package org.anb.showcase.infra;

import org.anb.showcase.infra.data.DatabaseConnections;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 26, "paging that works": someone real is paged, and an alarm fires on what its name says. */
class PagingTest {
    @Test
    void prodRefusesToStartWithoutARealAddressToPageAndNoStackAcceptsAReservedDomain() {
        assertThatThrownBy(() -> DeployedStack.config("prod", Map.of("alarmEmail", "")))
                .hasMessageContaining("anb:alarmEmail is required for prod");
        for (String nobody : List.of("alerts@anb.example", "ops@example.com", "ops@EXAMPLE.org", "a@b.test",
                "root@localhost", "x@y.invalid")) {
            assertThatThrownBy(() -> DeployedStack.config("dev", Map.of("alarmEmail", nobody))).as(nobody)
                    .hasMessageContaining("reserved domain");
        }
        assertThat(DeployedStack.config("prod", Map.of()).alarmEmail()).hasValue("alertas@anb.com.co");
        assertThat(DeployedStack.config("dev", Map.of("alarmEmail", "ops@contest.co")).alarmEmail())
                .hasValue("ops@contest.co");
        assertThat(DeployedStack.config("dev", Map.of()).alarmEmail()).as("dev may page nobody").isEmpty();
    }

    @Test
    void theConnectionsAlarmComesFromTheInstanceClassAndPoolsThatCannotFitAreRefused() {
        assertThat(input(DeployedStack.of("dev").named("aws:cloudwatch/metricAlarm:MetricAlarm",
                "anb-dev-db-connections"), "threshold")).as("80 % of db.t4g.micro's 81").isEqualTo(64.0);
        assertThat(input(DeployedStack.of("prod").named("aws:cloudwatch/metricAlarm:MetricAlarm",
                "anb-prod-db-connections"), "threshold")).as("80 % of db.m7g.large's 823").isEqualTo(658.0);
        assertThat(DatabaseConnections.of(DeployedStack.config("prod", Map.of())).pooledAtFullScale())
                .as("16 x 8 API + 4 x 12 workers + 5").isEqualTo(181);
        assertThatThrownBy(() -> DatabaseConnections.of(DeployedStack.config("dev", Map.of("apiMaxSize", "4"))))
                .hasMessageContaining("at full scale the pools hold 77 connections");
        assertThatThrownBy(() -> DatabaseConnections.of(DeployedStack.config("dev",
                Map.of("dbInstanceClass", "db.x9.huge")))).hasMessageContaining("add it to DatabaseConnections");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePoolsTheProgramSizesForAreTheAppsOwnAndAQuietPoolLetsItsConnectionsGo() throws Exception {
        var root = DeployedStack.repositoryRoot();
        for (var pool : Map.of("app/src/main/resources/application.yaml", 16,
                "worker/src/main/resources/worker.yaml", 4).entrySet()) {
            Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(java.nio.file.Files.readString(root.resolve(pool.getKey())));
            var connection = (Map<String, Object>) ((Map<String, Object>) yaml.get("db")).get("connection");
            assertThat(connection.get("maximumPoolSize")).as(pool.getKey()).isEqualTo(pool.getValue());
            assertThat((Integer) connection.get("minimumIdle")).as("idle connections bounded").isLessThan(pool.getValue());
            assertThat(connection).containsKey("idleTimeout");
        }
        assertThat(DatabaseConnections.of(DeployedStack.config("dev", Map.of())).pooledAtFullScale())
                .as("16 x 2 API + 4 x 2 workers + 5, the constants the yaml above checks").isEqualTo(45);
    }

    @Test
    void aGroupStuckAtItsMaximumPagesSomeone() {
        var prod = DeployedStack.of("prod");
        var workers = prod.named("aws:cloudwatch/metricAlarm:MetricAlarm", "anb-prod-workers-at-max");
        assertThat(input(workers, "metricName")).isEqualTo("GroupInServiceInstances");
        assertThat(input(workers, "threshold")).as("prod's anb:workerMaxSize").isEqualTo(12.0);
        assertThat(input(workers, "comparisonOperator")).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(String.valueOf(input(workers, "dimensions"))).contains("AutoScalingGroupName");
        assertThat(input(prod.named("aws:cloudwatch/metricAlarm:MetricAlarm", "anb-prod-api-at-max"), "threshold"))
                .isEqualTo(8.0);
    }

    @Test
    void noHealthyApiIsAnAlarmEvenWhenTheMetricFallsSilent() {
        var alarm = DeployedStack.of("dev").named("aws:cloudwatch/metricAlarm:MetricAlarm", "anb-dev-api-none-healthy");
        assertThat(input(alarm, "metricName")).isEqualTo("HealthyHostCount");
        assertThat(input(alarm, "comparisonOperator")).isEqualTo("LessThanThreshold");
        assertThat(input(alarm, "threshold")).isEqualTo(1.0);
        assertThat(input(alarm, "treatMissingData")).as("silence is the outage").isEqualTo("breaching");
        assertThat(input(DeployedStack.of("dev").named("aws:cloudwatch/metricAlarm:MetricAlarm", "anb-dev-db-cpu"),
                "treatMissingData")).as("a quiet CPU is not an outage").isEqualTo("notBreaching");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMonthlyBudgetMailsTheOperatorsBeforeTheMonthOverspends() {
        var budget = DeployedStack.of("prod").named("aws:budgets/budget:Budget", "anb-prod-monthly");
        assertThat(input(budget, "timeUnit")).isEqualTo("MONTHLY");
        assertThat(input(budget, "limitAmount")).isEqualTo("1500");
        assertThat(String.valueOf(input(budget, "costFilters"))).contains("user:Environment$prod");
        var notifications = (java.util.List<java.util.Map<String, Object>>) input(budget, "notifications");
        assertThat(notifications).extracting(n -> n.get("notificationType") + " " + n.get("threshold"))
                .containsExactlyInAnyOrder("ACTUAL 80.0", "FORECASTED 100.0");
        assertThat(notifications).allSatisfy(n -> assertThat((java.util.List<Object>) n.get("subscriberEmailAddresses"))
                .containsExactly("alertas@anb.com.co"));
        var devBudget = DeployedStack.of("dev", java.util.Map.of("monthlyBudgetUsd", "120"))
                .named("aws:budgets/budget:Budget", "anb-dev-monthly");
        assertThat(input(devBudget, "limitAmount")).isEqualTo("120");
    }

    @Test
    void theInstancesOwnMetricsReachTheDashboardThroughALogGroupEachRoleMayWriteToOnlyItsOwn() {
        var dev = DeployedStack.of("dev");
        String dashboard = String.valueOf(input(dev.named("aws:cloudwatch/dashboard:Dashboard", "anb-dev"), "dashboardBody"));
        assertThat(dashboard).contains("ANB/Instances", "hikaricp_connections_active", "anb_worker_jobs_in_flight");
        for (String tier : java.util.List.of("api", "worker")) {
            var group = dev.named("aws:cloudwatch/logGroup:LogGroup", "anb-dev-" + tier + "-metrics");
            assertThat(input(group, "retentionInDays")).isEqualTo(7.0);
            String policy = String.valueOf(input(dev.named("aws:iam/rolePolicy:RolePolicy", "anb-dev-" + tier), "policy"));
            assertThat(policy).contains("log-group:/anb/anb-dev-" + tier + "/metrics:*")
                    .doesNotContain("log-group:/anb/anb-dev-" + (tier.equals("api") ? "worker" : "api") + "/metrics")
                    .doesNotContain("cloudwatch:PutMetricData");
        }
    }
}
