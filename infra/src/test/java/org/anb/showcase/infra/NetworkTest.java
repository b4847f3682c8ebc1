package org.anb.showcase.infra;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkTest {

    @Test
    void twoPublicAndTwoPrivateSubnetsInTwoZonesAndNoSubnetGivesPublicIps() {
        var subnets = DeployedStack.of("dev").registered("aws:ec2/subnet:Subnet");
        assertThat(subnets).hasSize(4);
        assertThat(subnets.stream().map(s -> input(s, "availabilityZoneId")).distinct()).hasSize(2);
        assertThat(subnets).allSatisfy(s -> assertThat(input(s, "mapPublicIpOnLaunch")).isEqualTo(false));
    }

    @Test
    void devHasOneNatAndProdOneNatPerZone() {
        assertThat(DeployedStack.of("dev").registered("aws:ec2/natGateway:NatGateway")).hasSize(1);
        assertThat(DeployedStack.of("prod").registered("aws:ec2/natGateway:NatGateway")).hasSize(2);
    }

    @Test
    void privateSubnetsRouteOutThroughNatNotTheInternetGateway() {
        var routes = DeployedStack.of("dev").registered("aws:ec2/route:Route");
        assertThat(routes).filteredOn(r -> r.name().contains("-private-"))
                .hasSize(2).allSatisfy(r -> {
                    assertThat(input(r, "natGatewayId")).isNotNull();
                    assertThat(input(r, "gatewayId")).isNull();
                });
    }

    @Test
    void s3TrafficTakesTheFreeGatewayAndInterfaceEndpointsAreOnlyTheOnesAStackAsksFor() {
        for (String stack : java.util.List.of("dev", "prod")) {
            var endpoints = DeployedStack.of(stack).registered("aws:ec2/vpcEndpoint:VpcEndpoint");
            assertThat(endpoints).as(stack).singleElement().satisfies(e -> {
                assertThat(input(e, "serviceName")).isEqualTo("com.amazonaws.us-east-1.s3");
                assertThat(input(e, "vpcEndpointType")).isEqualTo("Gateway");
            });
            assertThat(DeployedStack.of(stack).registered("aws:ec2/securityGroup:SecurityGroup"))
                    .noneMatch(g -> g.name().endsWith("-endpoints"));
        }
        var endpoints = DeployedStack.of("dev", java.util.Map.of("interfaceEndpoints", "sqs, logs"))
                .registered("aws:ec2/vpcEndpoint:VpcEndpoint");
        assertThat(endpoints).filteredOn(e -> "Interface".equals(input(e, "vpcEndpointType")))
                .extracting(e -> input(e, "serviceName"))
                .containsExactlyInAnyOrder("com.amazonaws.us-east-1.sqs", "com.amazonaws.us-east-1.logs");
        assertThat(endpoints).filteredOn(e -> "Interface".equals(input(e, "vpcEndpointType")))
                .allSatisfy(e -> assertThat(input(e, "privateDnsEnabled")).isEqualTo(true));
    }
}
