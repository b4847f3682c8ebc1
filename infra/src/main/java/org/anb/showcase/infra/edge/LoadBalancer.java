package org.anb.showcase.infra.edge;

import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.Tags;
import org.anb.showcase.infra.data.GeneratedSecret;
import org.anb.showcase.infra.network.Firewall;
import org.anb.showcase.infra.network.Network;
import org.anb.showcase.infra.observe.AccessLogs;

import java.util.Map;

import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The API's front door, reachable only from CloudFront: the ALB's security group admits CloudFront's VPC-origin
 * interfaces only ({@link Firewall#admitCloudFrontVpcOrigins}), and the listener forwards only requests that carry the secret origin header CloudFront adds; anything
 * else gets a 403. Health checks use {@code /api/health/live} on the API's health listener (:8082).
 */
public final class LoadBalancer extends ComponentResource {
    public static final String ORIGIN_HEADER = "X-Origin-Verify";

    private final com.pulumi.aws.lb.LoadBalancer alb;
    private final TargetGroup targets;
    private final GeneratedSecret originSecret;

    public LoadBalancer(String name, StackConfig config, Network network, Firewall firewall, AccessLogs logs,
                        ComponentResourceOptions options) {
        super("anb:infra:LoadBalancer", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();
        originSecret = GeneratedSecret.create(prefix + "-origin", prefix + "/cdn/origin-secret",
                "Header value CloudFront sends the load balancer; it forwards nothing without it", config, this);
        alb = new com.pulumi.aws.lb.LoadBalancer(prefix + "-alb", com.pulumi.aws.lb.LoadBalancerArgs.builder()
                // Internal, in the private subnets: CloudFront reaches it through a VPC origin, never across the
                // internet, and nothing else can reach it at all.
                // No fixed name: Pulumi names it prefix-alb-<random>, so a replacement can exist beside the old one.
                .loadBalancerType("application").internal(true)
                .securityGroups(Output.all(firewall.albGroupId())).subnets(network.privateSubnetIds())
                .dropInvalidHeaderFields(true)
                .idleTimeout(300) // 100 MB uploads on slow connections
                .accessLogs(LoadBalancerAccessLogsArgs.builder().bucket(logs.bucketName()).prefix(AccessLogs.ALB_PREFIX)
                        .enabled(true).build())
                .tags(Tags.named(prefix + "-alb")).build(),
                CustomResourceOptions.builder().parent(this).dependsOn(logs.bucketPolicy()).build());
        targets = new TargetGroup(prefix + "-api", TargetGroupArgs.builder()
                .port(Firewall.API_PORT).protocol("HTTP").targetType("instance")
                .vpcId(network.vpcId()).deregistrationDelay(30)
                // Liveness: one database blip must not make the group replace every API instance at once; readiness
                // (/api/health) stays for dashboards and deploy checks. On the health listener, which a flood of
                // slow requests on the traffic port cannot starve.
                .healthCheck(TargetGroupHealthCheckArgs.builder().path("/api/health/live").matcher("200")
                        .port(String.valueOf(Firewall.API_HEALTH_PORT))
                        .interval(15).timeout(5).healthyThreshold(2).unhealthyThreshold(3).build())
                .tags(Tags.named(prefix + "-api")).build(), child);
        var listener = new Listener(prefix + "-http", ListenerArgs.builder()
                .loadBalancerArn(alb.arn()).port(80).protocol("HTTP")
                .defaultActions(ListenerDefaultActionArgs.builder().type("fixed-response")
                        .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder().statusCode("403")
                                .contentType("application/json").messageBody("{\"message\":\"Forbidden\"}").build())
                        .build())
                .build(), child);
        new ListenerRule(prefix + "-from-cloudfront", ListenerRuleArgs.builder()
                .listenerArn(listener.arn()).priority(10)
                .conditions(ListenerRuleConditionArgs.builder().httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                        .httpHeaderName(ORIGIN_HEADER).values(originSecret.value().applyValue(java.util.List::of))
                        .build()).build())
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targets.arn()).build())
                .build(), child);
        registerOutputs(Map.of("dnsName", alb.dnsName()));
    }

    public Output<String> arn() {
        return alb.arn();
    }

    public Output<String> dnsName() {
        return alb.dnsName();
    }

    public Output<String> arnSuffix() {
        return alb.arnSuffix();
    }

    public Output<String> targetGroupArn() {
        return targets.arn();
    }

    public Output<String> targetGroupArnSuffix() {
        return targets.arnSuffix();
    }

    /** The header value CloudFront must send ({@link #ORIGIN_HEADER}): a Pulumi secret. */
    public Output<String> originSecret() {
        return originSecret.value();
    }
}
