package org.anb.showcase.infra.edge;

import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.wafv2.IpSet;
import com.pulumi.aws.wafv2.IpSetArgs;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementFieldToMatchArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementFieldToMatchUriPathArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementTextTransformationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementIpSetReferenceStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementNotStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementScopeDownStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementFieldToMatchArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementFieldToMatchUriPathArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementTextTransformationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * AWS WAF in front of the distribution: the association's own addresses first (an IP set, empty until an operator
 * fills it), then AWS's managed rules (IP reputation, known bad inputs, the common rule set — which would refuse every
 * video upload for its body size, so uploads are left to the API's own checks), then per-address rate limits on the
 * three routes bots hammer. The API already limits these across all its instances; WAF stops a flood before it costs
 * an origin request. Dev counts every match (read them in the WAF console before trusting a rule); prod blocks.
 * A CloudFront web ACL must live in us-east-1 whatever the stack's region.
 */
public final class WebFirewall extends ComponentResource {
    /** A per-address limit over WAF's five-minute window on one route of the API. */
    public record RateLimit(String name, String positionalConstraint, String path, int perFiveMinutes) {
    }

    /**
     * Generous on purpose: fans on a mobile carrier share one address (carrier-grade NAT), so these stop scripts,
     * not a stadium. The API's own limits (per account and per address, across instances) do the fine work.
     */
    public static final List<RateLimit> RATE_LIMITS = List.of(
            new RateLimit("signup", "EXACTLY", "/api/auth/signup", 100),
            new RateLimit("login", "EXACTLY", "/api/auth/login", 300),
            new RateLimit("votes", "ENDS_WITH", "/vote", 1000));
    public static final List<String> MANAGED_GROUPS = List.of("AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesCommonRuleSet");
    /** Bodies of up to 100 MB by design: the common rule set's 8 KB body limit is not for this route. */
    public static final String UPLOADS = "/api/videos/upload";

    private final WebAcl acl;

    public WebFirewall(String name, StackConfig config, ComponentResourceOptions options) {
        super("anb:infra:WebFirewall", name, options);
        CustomResourceOptions child = "us-east-1".equals(config.region())
                ? CustomResourceOptions.builder().parent(this).build()
                : CustomResourceOptions.builder().parent(this).provider(new Provider(config.prefix() + "-us-east-1",
                        ProviderArgs.builder().region("us-east-1").build(), CustomResourceOptions.builder()
                                .parent(this).build())).build();
        String prefix = config.prefix();
        var allowed = new IpSet(prefix + "-allowed", IpSetArgs.builder().scope("CLOUDFRONT").ipAddressVersion("IPV4")
                .description("The association's own addresses: never rate-limited or filtered (anb:wafAllowList)")
                .addresses(config.wafAllowList()).tags(Tags.named(prefix + "-allowed")).build(), child);

        List<WebAclRuleArgs> rules = new ArrayList<>();
        rules.add(rule(prefix, "allow-association", rules.size())
                .action(WebAclRuleActionArgs.builder().allow(WebAclRuleActionAllowArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder().ipSetReferenceStatement(
                        WebAclRuleStatementIpSetReferenceStatementArgs.builder().arn(allowed.arn()).build()).build())
                .build());
        for (String group : MANAGED_GROUPS) {
            var statement = WebAclRuleStatementManagedRuleGroupStatementArgs.builder().vendorName("AWS").name(group);
            if (group.equals("AWSManagedRulesCommonRuleSet")) {
                statement.scopeDownStatement(WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementArgs.builder()
                        .notStatement(WebAclRuleStatementManagedRuleGroupStatementScopeDownStatementNotStatementArgs
                                .builder().statements(uriPathStartsWith(UPLOADS)).build())
                        .build());
            }
            rules.add(rule(prefix, group, rules.size())
                    .overrideAction(config.wafBlocks()
                            ? WebAclRuleOverrideActionArgs.builder().none(WebAclRuleOverrideActionNoneArgs.builder().build()).build()
                            : WebAclRuleOverrideActionArgs.builder().count(WebAclRuleOverrideActionCountArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder().managedRuleGroupStatement(statement.build()).build())
                    .build());
        }
        for (RateLimit limit : RATE_LIMITS) {
            rules.add(rule(prefix, "rate-" + limit.name(), rules.size())
                    .action(config.wafBlocks()
                            ? WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build()
                            : WebAclRuleActionArgs.builder().count(WebAclRuleActionCountArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder().rateBasedStatement(rateBased(limit)).build())
                    .build());
        }
        acl = new WebAcl(prefix + "-edge", WebAclArgs.builder().scope("CLOUDFRONT")
                .description("ANB Rising Stars (" + config.environment() + "): " + (config.wafBlocks() ? "blocking" : "counting"))
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(rules)
                .visibilityConfig(WebAclVisibilityConfigArgs.builder().cloudwatchMetricsEnabled(true)
                        .sampledRequestsEnabled(true).metricName(prefix + "-edge").build())
                .tags(Tags.named(prefix + "-edge")).build(), child);
        registerOutputs(Map.of("webAclArn", acl.arn()));
    }

    /** What the distribution names as its web ACL (for WAFv2, the ARN). */
    public Output<String> arn() {
        return acl.arn();
    }

    private static WebAclRuleArgs.Builder rule(String prefix, String name, int priority) {
        return WebAclRuleArgs.builder().name(name).priority(priority)
                .visibilityConfig(WebAclRuleVisibilityConfigArgs.builder().cloudwatchMetricsEnabled(true)
                        .sampledRequestsEnabled(true).metricName(prefix + "-" + name).build());
    }

    private static WebAclRuleStatementArgs uriPathStartsWith(String path) {
        return WebAclRuleStatementArgs.builder().byteMatchStatement(WebAclRuleStatementByteMatchStatementArgs.builder()
                .searchString(path).positionalConstraint("STARTS_WITH")
                .fieldToMatch(WebAclRuleStatementByteMatchStatementFieldToMatchArgs.builder()
                        .uriPath(WebAclRuleStatementByteMatchStatementFieldToMatchUriPathArgs.builder().build()).build())
                .textTransformations(WebAclRuleStatementByteMatchStatementTextTransformationArgs.builder()
                        .priority(0).type("NONE").build())
                .build()).build();
    }

    private static WebAclRuleStatementRateBasedStatementArgs rateBased(RateLimit limit) {
        return WebAclRuleStatementRateBasedStatementArgs.builder().limit(limit.perFiveMinutes()).aggregateKeyType("IP")
                .evaluationWindowSec(300)
                .scopeDownStatement(WebAclRuleStatementRateBasedStatementScopeDownStatementArgs.builder()
                        .byteMatchStatement(WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementArgs.builder()
                                .searchString(limit.path()).positionalConstraint(limit.positionalConstraint())
                                .fieldToMatch(WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementFieldToMatchArgs.builder()
                                        .uriPath(WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementFieldToMatchUriPathArgs.builder().build())
                                        .build())
                                .textTransformations(WebAclRuleStatementRateBasedStatementScopeDownStatementByteMatchStatementTextTransformationArgs.builder()
                                        .priority(0).type("NONE").build())
                                .build())
                        .build())
                .build();
    }
}
