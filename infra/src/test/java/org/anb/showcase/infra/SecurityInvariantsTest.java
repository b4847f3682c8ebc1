package org.anb.showcase.infra;

import org.anb.showcase.infra.edge.Cdn;
import org.anb.showcase.infra.edge.LoadBalancer;
import org.anb.showcase.infra.network.Firewall;
import org.anb.showcase.infra.observe.AccessLogs;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

/** The properties that keep the stack safe, each its own test so a failure names what broke. */
class SecurityInvariantsTest {
    private final DeployedStack dev = DeployedStack.of("dev");

    @Test
    void theDatabaseIsPrivateEncryptedAndItsPasswordManagedByRds() {
        var db = dev.named("aws:rds/instance:Instance", "anb-dev-db");
        assertThat(input(db, "publiclyAccessible")).isEqualTo(false);
        assertThat(input(db, "storageEncrypted")).isEqualTo(true);
        assertThat(input(db, "manageMasterUserPassword")).isEqualTo(true);
        assertThat(input(db, "password")).as("no password in code, config or state").isNull();
    }

    @Test
    void theDatabaseAdmitsOnlyPostgresFromTheApiAndWorkerGroups() {
        var rules = ingressTo("anb-dev-db");
        assertThat(rules).hasSize(2).allSatisfy(rule -> {
            assertThat(input(rule, "fromPort")).isEqualTo(5432.0);
            assertThat(input(rule, "toPort")).isEqualTo(5432.0);
            assertThat(input(rule, "cidrIpv4")).isNull();
        });
        assertThat(rules.stream().map(r -> input(r, "referencedSecurityGroupId")))
                .containsExactlyInAnyOrder("anb-dev-api-id", "anb-dev-worker-id");
    }

    @Test
    void theApiAdmitsOnlyTheLoadBalancerOnItsTrafficAndHealthPortsWhichTheHealthCheckUses() {
        var rules = ingressTo("anb-dev-api");
        assertThat(rules).allSatisfy(rule -> assertThat(input(rule, "referencedSecurityGroupId")).isEqualTo("anb-dev-alb-id"));
        assertThat(rules.stream().map(r -> input(r, "fromPort"))).containsExactlyInAnyOrder(8080.0, 8082.0);
        Map<?, ?> check = (Map<?, ?>) input(dev.named("aws:lb/targetGroup:TargetGroup", "anb-dev-api"), "healthCheck");
        assertThat(check.get("port")).as("the health listener, apart from the traffic").isEqualTo("8082");
        assertThat(check.get("path")).isEqualTo("/api/health/live");
        assertThat(UserDataScripts.decode(dev.named("aws:ec2/launchTemplate:LaunchTemplate", "anb-dev-api")))
                .contains(" -p 8080:8080 -p 8082:8082 ");
    }

    @Test
    void directUploadsWaitInAStagingPrefixThatExpiresAndTheWorkerCannotRead() {
        String lifecycle = String.valueOf(dev.named("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "anb-dev-media").inputs());
        assertThat(lifecycle).contains("prefix=incoming/", "days=1");
        assertThat(String.valueOf(input(dev.named("aws:iam/rolePolicy:RolePolicy", "anb-dev-worker"), "policy")))
                .doesNotContain("incoming/");
    }

    @Test
    void theLoadBalancerAdmitsOnlyCloudFrontsVpcOriginInterfaces() {
        var rules = ingressTo("anb-dev-alb");
        assertThat(rules).hasSize(1);
        assertThat(input(rules.get(0), "referencedSecurityGroupId")).as("the group AWS gives the VPC origin's interfaces")
                .isEqualTo(MockCloud.VPC_ORIGIN_GROUP_ID);
        assertThat(input(rules.get(0), "fromPort")).isEqualTo(80.0);
        assertThat(input(rules.get(0), "cidrIpv4")).isNull();
        assertThat(input(rules.get(0), "prefixListId")).isNull();
        assertThat(dev.securityGroupLookups).singleElement().satisfies(lookup -> {
            assertThat(lookup.get("vpcId")).as("in this stack's VPC").isEqualTo("anb-dev-vpc-id");
            assertThat(String.valueOf(lookup.get("filters"))).contains("group-name", Firewall.VPC_ORIGIN_SERVICE_GROUP);
        });
    }

    @Test
    void nothingAdmitsTrafficFromTheWholeInternet() {
        for (String stack : List.of("dev", "prod")) {
            var deployed = DeployedStack.of(stack);
            assertThat(deployed.registered("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")).isNotEmpty()
                    .allSatisfy(rule -> {
                        assertThat(input(rule, "cidrIpv4")).as(rule.name()).isNotEqualTo("0.0.0.0/0");
                        assertThat(input(rule, "cidrIpv6")).as(rule.name()).isNotEqualTo("::/0");
                    });
            // Rules written inline in a group or as the older SecurityGroupRule would escape the check above.
            assertThat(deployed.registered("aws:ec2/securityGroupRule:SecurityGroupRule")).isEmpty();
            assertThat(deployed.registered("aws:ec2/securityGroup:SecurityGroup"))
                    .allSatisfy(group -> assertThat(input(group, "ingress")).as(group.name())
                            .satisfiesAnyOf(ingress -> assertThat(ingress).isNull(),
                                    ingress -> assertThat((List<?>) ingress).isEmpty()));
        }
        assertThat(ingressTo("anb-dev-worker")).as("workers take no inbound traffic").isEmpty();
    }

    @Test
    void theListenerForwardsOnlyRequestsCarryingTheSecretOriginHeader() {
        var listener = dev.named("aws:lb/listener:Listener", "anb-dev-http");
        assertThat(input(listener, "defaultActions")).asString().contains("fixed-response").contains("403");
        var rule = dev.named("aws:lb/listenerRule:ListenerRule", "anb-dev-from-cloudfront");
        assertThat(String.valueOf(input(rule, "conditions"))).contains(LoadBalancer.ORIGIN_HEADER)
                .contains(MockCloud.RANDOM_PASSWORD);
    }

    @Test
    void everyBucketIsFullyPrivateEncryptedAndTlsOnly() {
        assertThat(dev.registered("aws:s3/bucketV2:BucketV2")).extracting(MockCloud.Registration::name)
                .containsExactlyInAnyOrder("anb-dev-media", "anb-dev-site", "anb-dev-logs");
        for (String bucket : List.of("anb-dev-media", "anb-dev-site", "anb-dev-logs")) {
            var block = dev.named("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket);
            for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
                assertThat(input(block, flag)).as(bucket + " " + flag).isEqualTo(true);
            }
            assertThat(String.valueOf(input(dev.named("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    bucket), "rules"))).as(bucket).contains("AES256");
            assertThat(statements(bucket)).as(bucket).anySatisfy(st -> {
                assertThat(st.get("Effect")).isEqualTo("Deny");
                assertThat(String.valueOf(st.get("Condition"))).contains("aws:SecureTransport=false");
            });
        }
    }

    @Test
    void onlyOurDistributionReadsProcessedMediaAndTheSiteAndNothingElse() {
        Map.of("anb-dev-media", "arn:aws:s3:::anb-dev-media-mock/processed/*",
                "anb-dev-site", "arn:aws:s3:::anb-dev-site-mock/*").forEach((bucket, readable) ->
                assertThat(statements(bucket)).filteredOn(st -> "Allow".equals(st.get("Effect"))).as(bucket)
                        .singleElement().satisfies(st -> {
                            assertThat(st.get("Principal")).isEqualTo(Map.of("Service", "cloudfront.amazonaws.com"));
                            assertThat(st.get("Action")).isEqualTo("s3:GetObject");
                            assertThat(st.get("Resource")).isEqualTo(readable);
                            assertThat(String.valueOf(st.get("Condition")))
                                    .contains("AWS:SourceArn=arn:aws:cloudfront::123456789012:distribution/EMOCK");
                        }));
    }

    @Test
    void cloudFrontReachesEveryBucketOnlyThroughSignedOriginAccessControl() {
        var cdn = dev.named("aws:cloudfront/distribution:Distribution", "anb-dev-cdn");
        List<?> origins = (List<?>) input(cdn, "origins");
        assertThat(origins).filteredOn(o -> !Cdn.API_ORIGIN.equals(((Map<?, ?>) o).get("originId"))).hasSize(2)
                .allSatisfy(o -> {
                    Map<?, ?> origin = (Map<?, ?>) o;
                    assertThat(String.valueOf(origin.get("domainName"))).contains(".s3.");
                    assertThat(origin.get("originAccessControlId")).as("OAC").isNotNull();
                    assertThat(origin.get("customOriginConfig")).as("never the public website endpoint").isNull();
                });
        assertThat(dev.registered("aws:cloudfront/originAccessControl:OriginAccessControl")).hasSize(2)
                .allSatisfy(oac -> assertThat(input(oac, "signingBehavior")).isEqualTo("always"));
        assertThat(dev.registered("aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2"))
                .as("no S3 website hosting: it would need a public bucket").isEmpty();
    }

    @Test
    void browsersMayUploadMediaOnlyFromTheSiteOrigin() {
        var cors = dev.named("aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2", "anb-dev-media");
        assertThat(String.valueOf(input(cors, "corsRules")))
                .contains("allowedOrigins=[https://d1234abcd.cloudfront.net]").contains("allowedMethods=[POST]")
                .doesNotContain("allowedOrigins=[*]");
    }

    private List<Map<?, ?>> statements(String bucket) {
        Map<?, ?> policy = json(input(dev.named("aws:s3/bucketPolicy:BucketPolicy", bucket), "policy"));
        return ((List<?>) policy.get("Statement")).stream().<Map<?, ?>>map(s -> (Map<?, ?>) s).toList();
    }

    @Test
    void instancesRunOnlyInPrivateSubnetsWithImdsV2AndEncryptedDisks() {
        var privateSubnets = dev.registered("aws:ec2/subnet:Subnet").stream()
                .filter(s -> s.name().contains("-private-")).map(s -> s.name() + "-id").toList();
        assertThat(dev.registered("aws:autoscaling/group:Group")).hasSize(2).allSatisfy(group ->
                assertThat(strings(input(group, "vpcZoneIdentifiers"))).containsExactlyInAnyOrderElementsOf(privateSubnets));
        assertThat(dev.registered("aws:ec2/launchTemplate:LaunchTemplate")).hasSize(2).allSatisfy(template -> {
            assertThat(input(template, "metadataOptions.httpTokens")).isEqualTo("required");
            assertThat(String.valueOf(input(template, "blockDeviceMappings"))).contains("encrypted=true");
            assertThat(input(template, "networkInterfaces")).as("no public IP").isNull();
        });
    }

    @Test
    void theLoadBalancerIsInternalAndCloudFrontReachesItOnlyThroughAVpcOrigin() {
        var alb = dev.named("aws:lb/loadBalancer:LoadBalancer", "anb-dev-alb");
        var privateSubnets = dev.registered("aws:ec2/subnet:Subnet").stream()
                .filter(s -> s.name().contains("-private-")).map(s -> s.name() + "-id").toList();
        assertThat(input(alb, "internal")).isEqualTo(true);
        assertThat(strings(input(alb, "subnets"))).containsExactlyInAnyOrderElementsOf(privateSubnets);
        var origin = dev.named("aws:cloudfront/vpcOrigin:VpcOrigin", "anb-dev-api");
        assertThat(input(origin, "vpcOriginEndpointConfig.arn")).isEqualTo("arn:aws:lb:us-east-1:123456789012:anb-dev-alb");
        String origins = String.valueOf(input(dev.named("aws:cloudfront/distribution:Distribution", "anb-dev-cdn"),
                "origins"));
        assertThat(origins).contains("vpcOriginId=anb-dev-api-id").doesNotContain("customOriginConfig");
    }

    @Test
    void onlyElbLogDeliveryWritesTheLogBucketAndTheLoadBalancerLogsThereAfterItsPolicyExists() {
        var allowed = statements("anb-dev-logs").stream().filter(st -> "Allow".equals(st.get("Effect"))).toList();
        assertThat(allowed).hasSize(2);
        assertThat(allowed).filteredOn(st -> "LoadBalancerAccountWritesAccessLogs".equals(st.get("Sid"))).singleElement()
                .as("us-east-1 predates the service principal: its ELB account may write, in this account's folder only")
                .satisfies(st -> {
                    assertThat(st.get("Principal")).isEqualTo(Map.of("AWS", "arn:aws:iam::127311923021:root"));
                    assertThat(st.get("Action")).isEqualTo("s3:PutObject");
                    assertThat(st.get("Resource")).isEqualTo("arn:aws:s3:::anb-dev-logs-mock/alb/AWSLogs/123456789012/*");
                });
        assertThat(allowed).filteredOn(st -> "LoadBalancerAccessLogs".equals(st.get("Sid"))).singleElement()
                .satisfies(st -> {
                    assertThat(st.get("Principal")).isEqualTo(Map.of("Service", "logdelivery.elasticloadbalancing.amazonaws.com"));
                    assertThat(st.get("Action")).isEqualTo("s3:PutObject");
                    assertThat(st.get("Resource")).isEqualTo("arn:aws:s3:::anb-dev-logs-mock/alb/AWSLogs/*");
                    assertThat(String.valueOf(st.get("Condition"))).contains("aws:SourceAccount=123456789012");
                });
        var alb = dev.named("aws:lb/loadBalancer:LoadBalancer", "anb-dev-alb");
        assertThat(input(alb, "accessLogs.enabled")).isEqualTo(true);
        assertThat(input(alb, "accessLogs.bucket")).isEqualTo("anb-dev-logs-mock");
        var expiry = String.valueOf(input(dev.named("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "anb-dev-logs"), "rules"));
        assertThat(expiry).contains("days=" + AccessLogs.KEEP_DAYS);
    }

    @Test
    void everyLogGroupExpiresTheVpcLogsItsFlowsAndTheDatabaseExportsItsLogs() {
        assertThat(dev.registered("aws:cloudwatch/logGroup:LogGroup")).isNotEmpty()
                .allSatisfy(group -> assertThat((Double) input(group, "retentionInDays")).as(group.name() + ": 0 keeps forever")
                        .isNotNull().isPositive());
        var flow = dev.named("aws:ec2/flowLog:FlowLog", "anb-dev-vpc");
        assertThat(input(flow, "trafficType")).isEqualTo("ALL");
        assertThat(input(flow, "vpcId")).isEqualTo("anb-dev-vpc-id");
        assertThat(String.valueOf(input(dev.named("aws:rds/instance:Instance", "anb-dev-db"),
                "enabledCloudwatchLogsExports"))).contains("postgresql");
        assertThat(dev.named("aws:cloudwatch/logGroup:LogGroup", "anb-dev-db-postgresql").inputs().get("name"))
                .isEqualTo("/aws/rds/instance/anb-dev-db/postgresql");
    }

    @Test
    void theAlarmTopicIsEncryptedWithARotatedKeyThatCloudWatchMayUseOnlyToPublish() {
        var key = dev.named("aws:kms/key:Key", "anb-dev-alarms");
        assertThat(input(key, "enableKeyRotation")).isEqualTo(true);
        assertThat(input(dev.named("aws:sns/topic:Topic", "anb-dev-alarms"), "kmsMasterKeyId"))
                .isEqualTo("arn:aws:kms:us-east-1:123456789012:anb-dev-alarms");
        List<?> statements = (List<?>) json(input(key, "policy")).get("Statement");
        Map<?, ?> cloudWatch = statements.stream().map(st -> (Map<?, ?>) st)
                .filter(st -> String.valueOf(st.get("Principal")).contains("cloudwatch.amazonaws.com")).findFirst()
                .orElseThrow();
        assertThat(strings(cloudWatch.get("Action"))).containsExactlyInAnyOrder("kms:Decrypt", "kms:GenerateDataKey*");
        assertThat(statements).hasSize(2).allSatisfy(st -> assertThat(String.valueOf(((Map<?, ?>) st).get("Principal")))
                .containsAnyOf("cloudwatch.amazonaws.com", "arn:aws:iam::123456789012:root"));
    }

    @Test
    void aWorkerMayMarkUnhealthyOrProtectOnlyInstancesOfItsOwnGroup() {
        var policy = dev.named("aws:iam/rolePolicy:RolePolicy", "anb-dev-worker-self-health");
        assertThat(input(policy, "role")).isEqualTo(input(dev.named("aws:iam/rolePolicy:RolePolicy", "anb-dev-worker"),
                "role"));
        List<?> statements = (List<?>) json(input(policy, "policy")).get("Statement");
        assertThat(statements).hasSize(2);
        Map<?, ?> describe = (Map<?, ?>) statements.get(1);
        assertThat(strings(describe.get("Action"))).containsExactly("autoscaling:DescribeAutoScalingInstances");
        Map<?, ?> statement = (Map<?, ?>) statements.get(0);
        assertThat(strings(statement.get("Action"))).containsExactly("autoscaling:SetInstanceHealth",
                "autoscaling:SetInstanceProtection");
        assertThat(strings(statement.get("Resource"))).containsExactly(
                String.valueOf(DeployedStack.value(dev.one(com.pulumi.aws.autoscaling.Group.class, "anb-dev-worker").arn())));
    }

    private static final List<String> RUN_COMMAND = List.of("ssm:UpdateInstanceInformation",
            "ec2messages:AcknowledgeMessage", "ec2messages:DeleteMessage", "ec2messages:FailMessage",
            "ec2messages:GetEndpoint", "ec2messages:GetMessages", "ec2messages:SendReply");

    @Test
    void onlyTheApiTakesOperatorsRunCommandJobsAndNothingElseOfSsm() {
        String api = String.valueOf(input(dev.named("aws:iam/rolePolicy:RolePolicy", "anb-dev-api"), "policy"));
        String worker = String.valueOf(input(dev.named("aws:iam/rolePolicy:RolePolicy", "anb-dev-worker"), "policy"));
        assertThat(api).contains("ssm:UpdateInstanceInformation").doesNotContain("ssm:GetParameter")
                .doesNotContain("ssmmessages:");
        assertThat(worker).doesNotContain("ssm:").doesNotContain("ec2messages:");
    }

    @Test
    void noIamStatementGrantsAWildcardActionAndStarResourcesOnlyWhereAwsDemandsIt() {
        var policies = dev.registered("aws:iam/rolePolicy:RolePolicy");
        assertThat(policies).hasSize(4);
        for (var policy : policies) {
            for (Object s : (List<?>) json(input(policy, "policy")).get("Statement")) {
                Map<?, ?> statement = (Map<?, ?>) s;
                List<String> actions = strings(statement.get("Action"));
                assertThat(actions).allSatisfy(a -> assertThat(String.valueOf(a)).doesNotContain("*"));
                if (((List<?>) statement.get("Resource")).contains("*")) {
                    assertThat(actions).as("only ECR's login, the SSM agent's Run Command and Auto Scaling's Describe "
                            + "accept no narrower resource").isIn(List.of("ecr:GetAuthorizationToken"), RUN_COMMAND,
                            List.of("autoscaling:DescribeAutoScalingInstances"));
                }
            }
        }
    }

    @Test
    void theWorkerMayOnlyConsumeQueuesReadOriginalsAndWriteProcessedMedia() {
        String policy = String.valueOf(input(dev.named("aws:iam/rolePolicy:RolePolicy", "anb-dev-worker"), "policy"));
        assertThat(policy).doesNotContain("sqs:SendMessage").doesNotContain("s3:ListBucket")
                .contains("/uploads/*").contains("/processed/*");
        Map<?, ?> document = json(policy);
        for (Object s : (List<?>) document.get("Statement")) {
            Map<?, ?> statement = (Map<?, ?>) s;
            if (String.valueOf(statement.get("Resource")).contains("/uploads/*")) {
                assertThat(strings(statement.get("Action"))).containsExactly("s3:GetObject");
            }
        }
    }

    @Test
    void theAppsMayReadTheRotatingDatabaseSecretAndTheApiItsTokenKeyAndNoOtherSecret() {
        String databaseSecret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-mock";
        for (String tier : List.of("api", "worker")) {
            List<String> readable = new java.util.ArrayList<>();
            for (Object s : (List<?>) json(input(dev.named("aws:iam/rolePolicy:RolePolicy", "anb-dev-" + tier),
                    "policy")).get("Statement")) {
                Map<?, ?> statement = (Map<?, ?>) s;
                if (strings(statement.get("Action")).contains("secretsmanager:GetSecretValue")) {
                    assertThat(strings(statement.get("Action"))).containsExactly("secretsmanager:GetSecretValue");
                    readable.addAll(strings(statement.get("Resource")));
                }
            }
            if (tier.equals("api")) {
                assertThat(readable).containsExactlyInAnyOrder(databaseSecret,
                        "arn:aws:secretsmanager:us-east-1:123456789012:anb-dev-jwt");
            } else {
                assertThat(readable).containsExactly(databaseSecret);
            }
        }
    }

    @Test
    void everyQueueIsEncryptedAndTheDeadLetterQueueIsWiredAfterFiveReceives() {
        var queues = dev.registered("aws:sqs/queue:Queue");
        assertThat(queues).hasSize(2).allSatisfy(q -> assertThat(input(q, "sqsManagedSseEnabled")).isEqualTo(true));
        Map<?, ?> redrive = json(input(dev.named("aws:sqs/queue:Queue", "anb-dev-jobs"), "redrivePolicy"));
        assertThat(redrive.get("maxReceiveCount")).isEqualTo(5.0);
        assertThat(redrive.get("deadLetterTargetArn")).asString().endsWith(":anb-dev-jobs-dlq");
        assertThat(input(dev.named("aws:sqs/queue:Queue", "anb-dev-jobs-dlq"), "messageRetentionSeconds"))
                .isEqualTo(1209600.0);
    }

    @Test
    void secretsNeverAppearInUserData() {
        assertThat(dev.registered("aws:ec2/launchTemplate:LaunchTemplate")).allSatisfy(template -> {
            String script = UserDataScripts.decode(template);
            assertThat(script).doesNotContain(MockCloud.RANDOM_PASSWORD)
                    .as("the database password rotates: the apps read it themselves, never the boot")
                    .doesNotContain("DB_CONNECTION_PASSWORD", "DB_CONNECTION_USERNAME")
                    .contains("DB_CREDENTIALS_SECRET_DASH_ID=arn:aws:secretsmanager:");
        });
    }

    private List<MockCloud.Registration> ingressTo(String group) {
        return dev.registered("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .filter(r -> (group + "-id").equals(input(r, "securityGroupId"))).toList();
    }

    static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    static Map<?, ?> json(Object text) {
        return new Gson().fromJson(String.valueOf(text), Map.class);
    }

}
