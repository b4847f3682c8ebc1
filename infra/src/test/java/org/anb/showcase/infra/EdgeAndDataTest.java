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

    @Test
    @SuppressWarnings("unchecked")
    void theDistributionSitsBehindWafThatCountsInDevAndBlocksInProd() {
        for (String stack : java.util.List.of("dev", "prod")) {
            var deployed = DeployedStack.of(stack);
            var acl = deployed.named("aws:wafv2/webAcl:WebAcl", "anb-" + stack + "-edge");
            assertThat(input(acl, "scope")).isEqualTo("CLOUDFRONT");
            assertThat(input(deployed.named("aws:cloudfront/distribution:Distribution", "anb-" + stack + "-cdn"),
                    "webAclId")).as("attached").isEqualTo(input(acl, "arn") == null
                    ? "arn:aws:wafv2:us-east-1:123456789012:anb-" + stack + "-edge" : input(acl, "arn"));
            var rules = (java.util.List<Map<String, Object>>) input(acl, "rules");
            boolean blocks = stack.equals("prod");
            assertThat(rules.getFirst()).as("the association's addresses first").satisfies(rule -> {
                assertThat(rule.get("name")).isEqualTo("allow-association");
                assertThat((Map<String, Object>) rule.get("action")).containsKey("allow");
            });
            assertThat(rules).filteredOn(rule -> rule.containsKey("overrideAction")).extracting(rule -> ((Map<String,
                    Object>) ((Map<String, Object>) rule.get("statement")).get("managedRuleGroupStatement")).get("name"))
                    .containsExactlyInAnyOrder("AWSManagedRulesAmazonIpReputationList",
                            "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesCommonRuleSet");
            assertThat(rules).filteredOn(rule -> rule.containsKey("overrideAction")).allSatisfy(rule ->
                    assertThat((Map<String, Object>) rule.get("overrideAction")).containsOnlyKeys(blocks ? "none" : "count"));
            var rateRules = rules.stream().filter(rule -> String.valueOf(rule.get("name")).startsWith("rate-")).toList();
            assertThat(rateRules).extracting(rule -> rule.get("name"))
                    .containsExactly("rate-signup", "rate-login", "rate-votes");
            assertThat(rateRules).allSatisfy(rule -> {
                assertThat((Map<String, Object>) rule.get("action")).as(stack).containsOnlyKeys(blocks ? "block" : "count");
                var rate = (Map<String, Object>) ((Map<String, Object>) rule.get("statement")).get("rateBasedStatement");
                assertThat(rate.get("aggregateKeyType")).isEqualTo("IP");
                assertThat(String.valueOf(rate.get("scopeDownStatement"))).contains("uriPath");
            });
            assertThat(String.valueOf(rateRules.get(0).get("statement"))).contains("searchString=/api/auth/signup");
            assertThat(String.valueOf(rateRules.get(2).get("statement"))).contains("searchString=/vote", "ENDS_WITH");
            assertThat(rules.stream().map(rule -> ((Number) rule.get("priority")).intValue()).toList())
                    .as("distinct priorities in order").containsExactly(0, 1, 2, 3, 4, 5, 6);
            var common = rules.stream().filter(rule -> String.valueOf(rule.get("name")).equals("AWSManagedRulesCommonRuleSet"))
                    .findFirst().orElseThrow();
            assertThat(String.valueOf(common.get("statement"))).as("uploads are left to the API's own checks")
                    .contains("notStatement", "searchString=/api/videos/upload", "STARTS_WITH");
            var allowed = deployed.named("aws:wafv2/ipSet:IpSet", "anb-" + stack + "-allowed");
            assertThat((java.util.List<?>) input(allowed, "addresses")).as("empty by default").isEmpty();
        }
        var withList = DeployedStack.of("dev", Map.of("wafAllowList", "190.0.2.0/24, 181.0.0.1/32", "wafBlocks", "true"));
        assertThat((java.util.List<Object>) input(withList.named("aws:wafv2/ipSet:IpSet", "anb-dev-allowed"), "addresses"))
                .containsExactly("190.0.2.0/24", "181.0.0.1/32");
        assertThat(String.valueOf(input(withList.named("aws:wafv2/webAcl:WebAcl", "anb-dev-edge"), "rules")))
                .as("a stack may turn blocking on").doesNotContain("count={}");
    }
}
