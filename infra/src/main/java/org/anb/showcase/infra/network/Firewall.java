package org.anb.showcase.infra.network;

import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.Tags;
import org.anb.showcase.infra.edge.Cdn;

import java.util.Map;
import java.util.function.Consumer;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.GetSecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.GetSecurityGroupFilterArgs;
import com.pulumi.aws.ec2.outputs.GetSecurityGroupResult;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * Every security group and every rule, in one place so a reviewer sees the whole traffic matrix:
 * CloudFront → ALB :80 → API :8080 (and the ALB's health checks → API :8082); API and worker → PostgreSQL :5432
 * and HTTPS out; nothing else in.
 * Rules are separate resources so groups can refer to each other without cycles.
 */
public final class Firewall extends ComponentResource {
    /**
     * The group AWS creates in the VPC with its first CloudFront VPC origin; CloudFront's interfaces in the VPC carry
     * it. The origin-facing prefix list covers CloudFront's public origins, not this path (reported as silent 504s).
     */
    public static final String VPC_ORIGIN_SERVICE_GROUP = "CloudFront-VPCOrigins-Service-SG";
    public static final int API_PORT = 8080;
    /** The API's health listener (health.port): the load balancer's checks, apart from the traffic. */
    public static final int API_HEALTH_PORT = 8082;

    private final SecurityGroup alb;
    private final SecurityGroup api;
    private final SecurityGroup worker;
    private final SecurityGroup database;
    private final CustomResourceOptions child;
    private final String prefix;
    private final Output<String> vpcId;

    public Firewall(String name, StackConfig config, Network network, ComponentResourceOptions options) {
        super("anb:infra:Firewall", name, options);
        child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();
        alb = group(prefix + "-alb", "Load balancer: HTTP from CloudFront only", network);
        api = group(prefix + "-api", "API instances: from the load balancer only", network);
        worker = group(prefix + "-worker", "Workers: no inbound traffic", network);
        database = group(prefix + "-db", "PostgreSQL: from the API and the workers only", network);

        this.prefix = prefix;
        this.vpcId = network.vpcId();
        out(prefix + "-alb-to-api", alb, API_PORT, "to the API instances", r -> r.referencedSecurityGroupId(api.id()));
        in(prefix + "-api-from-alb", api, API_PORT, "from the load balancer", r -> r.referencedSecurityGroupId(alb.id()));
        out(prefix + "-alb-to-api-health", alb, API_HEALTH_PORT, "health checks of the API instances",
                r -> r.referencedSecurityGroupId(api.id()));
        in(prefix + "-api-health-from-alb", api, API_HEALTH_PORT, "health checks from the load balancer",
                r -> r.referencedSecurityGroupId(alb.id()));
        in(prefix + "-db-from-api", database, 5432, "from the API", r -> r.referencedSecurityGroupId(api.id()));
        in(prefix + "-db-from-worker", database, 5432, "from the workers", r -> r.referencedSecurityGroupId(worker.id()));
        for (var tier : new java.util.TreeMap<>(Map.of("api", api, "worker", worker)).entrySet()) {
            out(prefix + "-" + tier.getKey() + "-to-db", tier.getValue(), 5432, "to PostgreSQL",
                    r -> r.referencedSecurityGroupId(database.id()));
            // AWS APIs (through the VPC endpoints or NAT), ECR layers and OS packages are all HTTPS.
            out(prefix + "-" + tier.getKey() + "-https", tier.getValue(), 443, "HTTPS to AWS services",
                    r -> r.cidrIpv4("0.0.0.0/0"));
        }
        registerOutputs(Map.of("albGroupId", alb.id(), "apiGroupId", api.id(), "workerGroupId", worker.id(),
                "databaseGroupId", database.id()));
    }

    /**
     * Admits CloudFront's VPC origin interfaces (and only them) to the load balancer on :80. Called by {@link Cdn}
     * with the VPC origin's id: the lookup waits for it, for AWS creates the service group with the origin.
     */
    public void admitCloudFrontVpcOrigins(Output<String> vpcOriginId) {
        Output<String> serviceGroup = vpcOriginId.apply(created -> Ec2Functions.getSecurityGroup(
                GetSecurityGroupArgs.builder().vpcId(vpcId).filters(GetSecurityGroupFilterArgs.builder()
                        .name("group-name").values(VPC_ORIGIN_SERVICE_GROUP).build()).build()))
                .applyValue(GetSecurityGroupResult::id);
        in(prefix + "-alb-from-cloudfront", alb, 80, "HTTP from CloudFront's VPC origin interfaces",
                r -> r.referencedSecurityGroupId(serviceGroup));
    }

    private SecurityGroup group(String name, String description, Network network) {
        return new SecurityGroup(name, SecurityGroupArgs.builder().vpcId(network.vpcId()).description(description)
                .revokeRulesOnDelete(true).tags(Tags.named(name)).build(), child);
    }

    private void in(String name, SecurityGroup group, int port, String description,
                    Consumer<SecurityGroupIngressRuleArgs.Builder> source) {
        var args = SecurityGroupIngressRuleArgs.builder().securityGroupId(group.id()).ipProtocol("tcp")
                .fromPort(port).toPort(port).description(description);
        source.accept(args);
        new SecurityGroupIngressRule(name, args.build(), child);
    }

    private void out(String name, SecurityGroup group, int port, String description,
                     Consumer<SecurityGroupEgressRuleArgs.Builder> destination) {
        var args = SecurityGroupEgressRuleArgs.builder().securityGroupId(group.id()).ipProtocol("tcp")
                .fromPort(port).toPort(port).description(description);
        destination.accept(args);
        new SecurityGroupEgressRule(name, args.build(), child);
    }

    public Output<String> albGroupId() {
        return alb.id();
    }

    public Output<String> apiGroupId() {
        return api.id();
    }

    public Output<String> workerGroupId() {
        return worker.id();
    }

    public Output<String> databaseGroupId() {
        return database.id();
    }
}
