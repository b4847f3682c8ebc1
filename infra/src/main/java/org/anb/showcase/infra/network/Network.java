package org.anb.showcase.infra.network;

import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The VPC: a public and a private subnet in each zone (pinned by zone ID), an internet gateway, NAT (one, or one per
 * zone), and the S3 gateway endpoint (free: media and ECR's image layers never cross the NAT). Interface endpoints
 * cost about 7.30 USD a month per service and zone, more than the NAT's data charge for this platform's few MB of SQS,
 * ECR and Secrets Manager calls, so a stack lists the ones it wants in {@code anb:interfaceEndpoints} (none by default).
 */
public final class Network extends ComponentResource {
    private final Vpc vpc;
    private final List<Subnet> publicSubnets = new ArrayList<>();
    private final List<Subnet> privateSubnets = new ArrayList<>();
    private final List<RouteTable> privateRouteTables = new ArrayList<>();

    public Network(String name, StackConfig config, ComponentResourceOptions options) {
        super("anb:infra:Network", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();
        vpc = new Vpc(prefix + "-vpc", VpcArgs.builder().cidrBlock(config.vpcCidr())
                .enableDnsHostnames(true).enableDnsSupport(true).tags(Tags.named(prefix + "-vpc")).build(), child);
        var gateway = new InternetGateway(prefix + "-igw",
                InternetGatewayArgs.builder().vpcId(vpc.id()).tags(Tags.named(prefix + "-igw")).build(), child);
        var publicRoutes = new RouteTable(prefix + "-public", RouteTableArgs.builder().vpcId(vpc.id())
                .tags(Tags.named(prefix + "-public")).build(), child);
        new Route(prefix + "-public-default", RouteArgs.builder().routeTableId(publicRoutes.id())
                .destinationCidrBlock("0.0.0.0/0").gatewayId(gateway.id()).build(), child);

        List<NatGateway> nats = new ArrayList<>();
        for (int i = 0; i < config.availabilityZoneIds().size(); i++) {
            String az = config.availabilityZoneIds().get(i);
            var publicSubnet = new Subnet(prefix + "-public-" + az, SubnetArgs.builder().vpcId(vpc.id())
                    .availabilityZoneId(az).cidrBlock(subnetCidr(config.vpcCidr(), i))
                    .mapPublicIpOnLaunch(false).tags(Tags.named(prefix + "-public-" + az)).build(), child);
            new RouteTableAssociation(prefix + "-public-" + az, RouteTableAssociationArgs.builder()
                    .subnetId(publicSubnet.id()).routeTableId(publicRoutes.id()).build(), child);
            publicSubnets.add(publicSubnet);
            if (i == 0 || config.natPerAz()) {
                var ip = new Eip(prefix + "-nat-" + az, EipArgs.builder().domain("vpc").tags(Tags.named(prefix + "-nat-" + az)).build(), child);
                nats.add(new NatGateway(prefix + "-nat-" + az, NatGatewayArgs.builder().allocationId(ip.id())
                        .subnetId(publicSubnet.id()).tags(Tags.named(prefix + "-nat-" + az)).build(), child));
            }
        }
        for (int i = 0; i < config.availabilityZoneIds().size(); i++) {
            String az = config.availabilityZoneIds().get(i);
            var privateSubnet = new Subnet(prefix + "-private-" + az, SubnetArgs.builder().vpcId(vpc.id())
                    .availabilityZoneId(az).cidrBlock(subnetCidr(config.vpcCidr(), 10 + i))
                    .mapPublicIpOnLaunch(false).tags(Tags.named(prefix + "-private-" + az)).build(), child);
            var routes = new RouteTable(prefix + "-private-" + az, RouteTableArgs.builder().vpcId(vpc.id())
                    .tags(Tags.named(prefix + "-private-" + az)).build(), child);
            NatGateway nat = nats.get(config.natPerAz() ? i : 0);
            new Route(prefix + "-private-default-" + az, RouteArgs.builder().routeTableId(routes.id())
                    .destinationCidrBlock("0.0.0.0/0").natGatewayId(nat.id()).build(), child);
            new RouteTableAssociation(prefix + "-private-" + az, RouteTableAssociationArgs.builder()
                    .subnetId(privateSubnet.id()).routeTableId(routes.id()).build(), child);
            privateSubnets.add(privateSubnet);
            privateRouteTables.add(routes);
        }

        new VpcEndpoint(prefix + "-s3", VpcEndpointArgs.builder().vpcId(vpc.id())
                .serviceName("com.amazonaws." + config.region() + ".s3").vpcEndpointType("Gateway")
                .routeTableIds(Output.all(privateRouteTables.stream().map(RouteTable::id).toList()))
                .tags(Tags.named(prefix + "-s3")).build(), child);
        if (!config.interfaceEndpoints().isEmpty()) {
            interfaceEndpoints(config, child);
        }
        registerOutputs(Map.of("vpcId", vpc.id(), "privateSubnetIds", privateSubnetIds(),
                "publicSubnetIds", publicSubnetIds()));
    }

    private void interfaceEndpoints(StackConfig config, CustomResourceOptions child) {
        String prefix = config.prefix();
        var endpointsGroup = new SecurityGroup(prefix + "-endpoints", SecurityGroupArgs.builder().vpcId(vpc.id())
                .description("Interface VPC endpoints: HTTPS from inside the VPC only")
                .tags(Tags.named(prefix + "-endpoints")).build(), child);
        new SecurityGroupIngressRule(prefix + "-endpoints-https", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(endpointsGroup.id()).ipProtocol("tcp").fromPort(443).toPort(443)
                .cidrIpv4(config.vpcCidr()).description("HTTPS from the VPC").build(), child);
        for (String service : config.interfaceEndpoints()) {
            new VpcEndpoint(prefix + "-" + service.replace('.', '-'), VpcEndpointArgs.builder().vpcId(vpc.id())
                    .serviceName("com.amazonaws." + config.region() + "." + service).vpcEndpointType("Interface")
                    .privateDnsEnabled(true).subnetIds(privateSubnetIds()).securityGroupIds(Output.all(endpointsGroup.id()))
                    .tags(Tags.named(prefix + "-" + service)).build(), child);
        }
    }

    /** The n-th /24 of the VPC's /16. */
    static String subnetCidr(String vpcCidr, int index) {
        String[] octets = vpcCidr.split("/")[0].split("\\.");
        return octets[0] + "." + octets[1] + "." + index + ".0/24";
    }

    public Output<String> vpcId() {
        return vpc.id();
    }

    public Output<List<String>> privateSubnetIds() {
        return Output.all(privateSubnets.stream().map(Subnet::id).toList());
    }

    public Output<List<String>> publicSubnetIds() {
        return Output.all(publicSubnets.stream().map(Subnet::id).toList());
    }
}
