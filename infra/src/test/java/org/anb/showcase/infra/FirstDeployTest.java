package org.anb.showcase.infra;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anb.showcase.infra.compute.OnDemandQuota;
import org.junit.jupiter.api.Test;

/** Issue 26, first-deploy traps: what would make a clean account's first `pulumi up` (or its second) fail. */
class FirstDeployTest {
    @Test
    void devSecretsCanBeRecreatedAtOnceAndProdsStayRecoverableForThirtyDays() {
        for (String secret : List.of("anb-dev-jwt", "anb-dev-origin")) {
            assertThat(input(DeployedStack.of("dev").named("aws:secretsmanager/secret:Secret", secret),
                    "recoveryWindowInDays")).as(secret).isEqualTo(0.0);
        }
        for (String secret : List.of("anb-prod-jwt", "anb-prod-origin")) {
            assertThat(input(DeployedStack.of("prod").named("aws:secretsmanager/secret:Secret", secret),
                    "recoveryWindowInDays")).as(secret).isEqualTo(30.0);
        }
    }

    @Test
    void aStackWhoseTwoRegionSettingsDisagreeIsRefused() {
        assertThatThrownBy(() -> StackConfig.requireOneRegion(Optional.of("us-west-2"), "us-east-1"))
                .hasMessageContaining("aws:region us-west-2 and anb:region us-east-1 differ");
        assertThatCode(() -> StackConfig.requireOneRegion(Optional.of("us-east-1"), "us-east-1"))
                .doesNotThrowAnyException();
        for (String stack : List.of("dev", "prod")) {
            var file = DeployedStack.stackFile(stack);
            assertThat(file.get("aws:region")).as(stack + ": the committed files agree").isEqualTo(file.get("anb:region"));
        }
    }

    @Test
    void subnetsArePinnedByZoneIdAndZoneNamesAreRefused() {
        for (String stack : List.of("dev", "prod")) {
            var subnets = DeployedStack.of(stack).registered("aws:ec2/subnet:Subnet");
            assertThat(subnets).as(stack).hasSize(4).allSatisfy(subnet -> {
                assertThat(input(subnet, "availabilityZone")).isNull();
                assertThat((String) input(subnet, "availabilityZoneId")).matches("use1-az\\d");
            });
        }
        assertThatThrownBy(() -> DeployedStack.config("dev", Map.of("availabilityZoneIds", "us-east-1a, us-east-1b")))
                .hasMessageContaining("us-east-1a is not a zone ID");
        assertThatThrownBy(() -> DeployedStack.config("dev", Map.of("availabilityZoneIds", "use1-az1, use1-az1")))
                .hasMessageContaining("two or more different zones");
    }

    @Test
    void prodProtectsItsDatabaseAndBucketsAndDevDoesNot() {
        var buckets = List.of("anb-%s-media", "anb-%s-logs", "anb-%s-site");
        for (String bucket : buckets) {
            assertThat(DeployedStack.of("prod").isProtected("aws:s3/bucketV2:BucketV2", bucket.formatted("prod")))
                    .as(bucket).isTrue();
            assertThat(DeployedStack.of("dev").isProtected("aws:s3/bucketV2:BucketV2", bucket.formatted("dev")))
                    .as(bucket).isFalse();
        }
        assertThat(DeployedStack.of("prod").isProtected("aws:rds/instance:Instance", "anb-prod-db")).isTrue();
        assertThat(DeployedStack.of("dev").isProtected("aws:rds/instance:Instance", "anb-dev-db")).isFalse();
        assertThat(DeployedStack.of("prod").isProtected("aws:ec2/vpc:Vpc", "anb-prod-vpc")).as("only data").isFalse();
    }

    @Test
    void resourcesThatChangesReplaceHaveNoFixedNameOrDeleteFirst() {
        for (String stack : List.of("dev", "prod")) {
            var deployed = DeployedStack.of(stack);
            for (String type : List.of("aws:lb/loadBalancer:LoadBalancer", "aws:lb/targetGroup:TargetGroup",
                    "aws:s3/bucketV2:BucketV2", "aws:ec2/securityGroup:SecurityGroup", "aws:iam/role:Role",
                    "aws:ec2/launchTemplate:LaunchTemplate", "aws:autoscaling/group:Group")) {
                assertThat(deployed.registered(type)).as(stack + " " + type).isNotEmpty()
                        .allSatisfy(r -> assertThat(input(r, type.endsWith("BucketV2") ? "bucket" : "name"))
                                .as(r.name()).isNull());
            }
            assertThat(input(deployed.named("aws:rds/instance:Instance", "anb-" + stack + "-db"), "applyImmediately"))
                    .isEqualTo(true);
        }
    }

    @Test
    void aStackThatCouldNotReachItsMaximumSizeIsRefusedWithTheQuotaToRequest() {
        assertThat(OnDemandQuota.vcpusAtFullScale(DeployedStack.config("prod", Map.of()))).isEqualTo(8 * 2 + 12 * 4);
        assertThat(OnDemandQuota.vcpusAtFullScale(DeployedStack.config("dev", Map.of()))).isEqualTo(2 * 2 + 2 * 2);
        assertThat(DeployedStack.failures("prod", Map.of(), new MockCloud(32))).anySatisfy(failure -> assertThat(failure)
                .contains("anb-prod needs 64 vCPUs at full scale and the account allows 32 in us-east-1")
                .contains("--quota-code L-1216C47A --desired-value 64"));
        assertThat(DeployedStack.failures("prod", Map.of(), new MockCloud(64))).isEmpty();
        assertThat(DeployedStack.value(DeployedStack.of("dev").result.output("onDemandVcpus", String.class)))
                .isEqualTo("8 of 256 vCPUs");
    }
}
