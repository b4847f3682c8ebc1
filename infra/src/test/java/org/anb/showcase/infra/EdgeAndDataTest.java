package org.anb.showcase.infra;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 26: an edge that stays updatable, an origin whose silence pages someone, media that survives a mistake. */
class EdgeAndDataTest {
    private final DeployedStack dev = DeployedStack.of("dev");

    @Test
    void theVpcOriginIsMadeWithoutTheStacksDefaultTagsSoATagChangeNeverUpdatesIt() {
        var origin = dev.registered("aws:cloudfront/vpcOrigin:VpcOrigin").getFirst();
        assertThat(origin.provider()).as("its own provider").contains("anb-dev-no-default-tags");
        assertThat(origin.inputs()).doesNotContainKey("tags");
        var untagged = dev.named("pulumi:providers:aws", "anb-dev-no-default-tags");
        assertThat(untagged.inputs()).doesNotContainKey("defaultTags");
        assertThat(input(untagged, "region")).isEqualTo("us-east-1");
        assertThat(input(dev.named("pulumi:providers:aws", "aws"), "defaultTags")).as("everything else is tagged")
                .asString().contains("anb-rising-stars");
    }

    @Test
    void viewersSeeingErrorsPageSomeone() {
        var alarm = dev.named("aws:cloudwatch/metricAlarm:MetricAlarm", "anb-dev-cdn-5xx-rate");
        assertThat(input(alarm, "namespace")).isEqualTo("AWS/CloudFront");
        assertThat(input(alarm, "metricName")).isEqualTo("5xxErrorRate");
        @SuppressWarnings("unchecked")
        Map<String, Object> dimensions = (Map<String, Object>) input(alarm, "dimensions");
        assertThat(dimensions).containsEntry("Region", "Global").containsEntry("DistributionId", "anb-dev-cdn-id");
        assertThat(input(alarm, "threshold")).isEqualTo(5.0);
    }

    @Test
    void originalsDeletedByMistakeCanBeRestoredForThirtyDays() {
        var versioning = dev.named("aws:s3/bucketVersioningV2:BucketVersioningV2", "anb-dev-media");
        assertThat(String.valueOf(input(versioning, "versioningConfiguration"))).contains("Enabled");
        String rules = String.valueOf(input(dev.named("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "anb-dev-media"), "rules"));
        assertThat(rules).contains("keep-replaced-and-deleted-objects-30-days", "noncurrentDays=30");
    }
}
