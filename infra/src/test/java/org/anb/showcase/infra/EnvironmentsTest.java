package org.anb.showcase.infra;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dev is cheap and prod is resilient, as their config files claim; each file is the stack's whole configuration. */
class EnvironmentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachStackRunsWithExactlyItsCommittedConfigAndMakesItsOwnSecrets(String stack) {
        var deployed = DeployedStack.of(stack); // StackConfig from the committed file alone, nothing added
        assertThat(DeployedStack.stackFile(stack)).as("nothing for a person to set by hand")
                .doesNotContainKeys("anb:jwtSecret", "anb:originSecret");
        String prefix = "anb-" + stack;
        for (String secret : new String[] {prefix + "-jwt", prefix + "-origin"}) {
            assertThat(input(deployed.named("aws:secretsmanager/secretVersion:SecretVersion", secret), "secretString"))
                    .as(secret + " drawn by Secrets Manager").isEqualTo(MockCloud.RANDOM_PASSWORD);
        }
        var rule = deployed.named("aws:lb/listenerRule:ListenerRule", prefix + "-from-cloudfront");
        assertThat(String.valueOf(input(rule, "conditions"))).contains(MockCloud.RANDOM_PASSWORD);
    }

    @Test
    void prodRunsAMultiAzProtectedDatabaseWithLongerBackupsAndDevDoesNot() {
        var dev = DeployedStack.of("dev").named("aws:rds/instance:Instance", "anb-dev-db");
        var prod = DeployedStack.of("prod").named("aws:rds/instance:Instance", "anb-prod-db");
        assertThat(input(dev, "multiAz")).isEqualTo(false);
        assertThat(input(prod, "multiAz")).isEqualTo(true);
        assertThat(input(dev, "deletionProtection")).isEqualTo(false);
        assertThat(input(prod, "deletionProtection")).isEqualTo(true);
        assertThat((Double) input(prod, "backupRetentionPeriod")).isGreaterThan((Double) input(dev, "backupRetentionPeriod"));
        assertThat(input(prod, "skipFinalSnapshot")).isEqualTo(false);
        assertThat(input(prod, "finalSnapshotIdentifier")).isEqualTo("anb-prod-db-final");
    }

    @Test
    void prodHasANatGatewayPerZoneAndBiggerFleets() {
        assertThat(DeployedStack.of("dev").registered("aws:ec2/natGateway:NatGateway")).hasSize(1);
        assertThat(DeployedStack.of("prod").registered("aws:ec2/natGateway:NatGateway")).hasSize(2);
        var devApi = DeployedStack.of("dev").named("aws:autoscaling/group:Group", "anb-dev-api");
        var prodApi = DeployedStack.of("prod").named("aws:autoscaling/group:Group", "anb-prod-api");
        assertThat((Double) input(prodApi, "minSize")).isGreaterThanOrEqualTo(2.0);
        assertThat((Double) input(prodApi, "maxSize")).isGreaterThan((Double) input(devApi, "maxSize"));
    }

    @Test
    void onlyProdSendsAlarmsByEmailAndKeepsItsBucketOnStackDeletion() {
        assertThat(DeployedStack.of("dev").registered("aws:sns/topicSubscription:TopicSubscription")).isEmpty();
        assertThat(DeployedStack.of("prod").registered("aws:sns/topicSubscription:TopicSubscription")).hasSize(1);
        assertThat(input(DeployedStack.of("prod").named("aws:s3/bucketV2:BucketV2", "anb-prod-media"), "forceDestroy"))
                .isEqualTo(false);
    }
}
