package org.anb.showcase.infra;

import org.anb.showcase.infra.network.Firewall;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.pulumi.test.Mocks;

/**
 * Stands in for AWS and Docker under Pulumi's test engine: answers each resource with its inputs plus the outputs
 * AWS would compute (ARNs, URLs, digests), answers the two data lookups the program makes, and records every
 * registration for the assertions and the snapshot.
 */
final class MockCloud implements Mocks {
    /** What Secrets Manager draws for a generated secret, here. */
    static final String RANDOM_PASSWORD = "mock-random-password-0123456789abcdef";
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    /** What SSM's public parameter names as Amazon Linux 2023's current image, here. */
    static final String AMI_ID = "ami-0a1b2c3d4e5f60718";
    static final String VPC_ORIGIN_GROUP_ID = "sg-0cf0vpcorigins";
    /** The arguments of each security-group lookup (the VPC origin's service group). */
    final List<Map<String, Object>> securityGroupLookups = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The account's "Running On-Demand Standard instances" quota, in vCPUs. */
    final double vcpuQuota;

    MockCloud() {
        this(256);
    }

    MockCloud(double vcpuQuota) {
        this.vcpuQuota = vcpuQuota;
    }

    /** @param provider the provider's reference (its URN and id) when the resource names one */
    record Registration(String type, String name, Map<String, Object> inputs, String provider) {
    }

    final ConcurrentLinkedQueue<Registration> registrations = new ConcurrentLinkedQueue<>();

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registrations.add(new Registration(args.type, args.name, args.inputs, args.provider));
        Map<String, Object> state = new HashMap<>(args.inputs);
        state.putAll(computed(args.type, args.name, args.inputs));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(switch (args.token) {
            case "aws:ec2/getSecurityGroup:getSecurityGroup" -> {
                securityGroupLookups.add(args.args);
                yield Map.of("id", VPC_ORIGIN_GROUP_ID, "name", Firewall.VPC_ORIGIN_SERVICE_GROUP,
                        "arn", "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":security-group/" + VPC_ORIGIN_GROUP_ID,
                        "description", "CloudFront VPC origins", "vpcId", String.valueOf(args.args.get("vpcId")),
                        "tags", Map.of(), "filters", List.of());
            }
            case "aws:ecr/getAuthorizationToken:getAuthorizationToken" -> Map.of("id", ACCOUNT,
                    "userName", "AWS", "password", "mock-ecr-password", "authorizationToken", "bW9jaw==",
                    "proxyEndpoint", "https://" + ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com",
                    "expiresAt", "2030-01-01T00:00:00Z");
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("id", ACCOUNT, "accountId", ACCOUNT,
                    "arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/ci/pulumi", "userId", "AROAMOCK:pulumi");
            case "aws:servicequotas/getServiceQuota:getServiceQuota" -> Map.of("id", "ec2/" + args.args.get("quotaCode"),
                    "serviceCode", "ec2", "quotaCode", String.valueOf(args.args.get("quotaCode")), "value", vcpuQuota,
                    "quotaName", "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances");
            case "aws:ssm/getParameter:getParameter" -> Map.of("id", String.valueOf(args.args.get("name")),
                    "name", String.valueOf(args.args.get("name")), "type", "String", "value", AMI_ID,
                    "arn", "arn:aws:ssm:" + REGION + "::parameter" + args.args.get("name"), "version", 1,
                    "insecureValue", AMI_ID, "withDecryption", true);
            case "aws:secretsmanager/getRandomPassword:getRandomPassword" -> Map.of("id", REGION,
                    "randomPassword", RANDOM_PASSWORD);
            default -> Map.of();
        });
    }

    private static Map<String, Object> computed(String type, String name, Map<String, Object> inputs) {
        Map<String, Object> out = new HashMap<>();
        String service = type.split(":")[1].split("/")[0];
        out.put("arn", "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + name);
        switch (type) {
            case "aws:sqs/queue:Queue" -> {
                out.put("url", "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + inputs.get("name"));
                out.put("arn", "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + inputs.get("name"));
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                String bucket = inputs.get("bucketPrefix") + "mock";
                out.put("bucket", bucket);
                out.put("arn", "arn:aws:s3:::" + bucket);
                out.put("bucketRegionalDomainName", bucket + ".s3." + REGION + ".amazonaws.com");
            }
            case "aws:rds/instance:Instance" -> {
                out.put("address", name + ".abcdefgh." + REGION + ".rds.amazonaws.com");
                out.put("masterUserSecrets", List.of(Map.of("secretArn",
                        "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:rds!db-mock", "secretStatus", "active",
                        "kmsKeyId", "aws/secretsmanager")));
            }
            case "aws:ecr/repository:Repository" -> {
                out.put("repositoryUrl", ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/" + inputs.get("name"));
                out.put("registryId", ACCOUNT);
                out.put("arn", "arn:aws:ecr:" + REGION + ":" + ACCOUNT + ":repository/" + inputs.get("name"));
            }
            case "docker:index/image:Image" -> {
                String image = String.valueOf(inputs.get("imageName"));
                out.put("repoDigest", image.substring(0, image.lastIndexOf(':')) + "@sha256:" + digestOf(name));
            }
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                out.put("dnsName", name + "-123.elb." + REGION + ".amazonaws.com");
                out.put("arnSuffix", "app/" + name + "/abc");
            }
            case "aws:lb/targetGroup:TargetGroup" -> out.put("arnSuffix", "targetgroup/" + name + "/def");
            case "aws:cloudfront/distribution:Distribution" -> {
                out.put("domainName", "d1234abcd.cloudfront.net");
                out.put("arn", "arn:aws:cloudfront::" + ACCOUNT + ":distribution/EMOCK");
            }
            case "aws:sesv2/emailIdentity:EmailIdentity" -> {
                out.put("arn", "arn:aws:ses:" + REGION + ":" + ACCOUNT + ":identity/" + inputs.get("emailIdentity"));
                out.put("dkimSigningAttributes", Map.of("tokens", List.of("dkim1", "dkim2", "dkim3")));
            }
            case "aws:sesv2/configurationSet:ConfigurationSet" -> out.put("arn",
                    "arn:aws:ses:" + REGION + ":" + ACCOUNT + ":configuration-set/" + inputs.get("configurationSetName"));
            case "aws:ec2/launchTemplate:LaunchTemplate" -> out.put("latestVersion", 1);
            case "aws:autoscaling/group:Group" -> out.put("name", name + "-asg");
            case "aws:rds/subnetGroup:SubnetGroup" -> out.put("name", name);
            case "aws:iam/role:Role" -> out.put("name", name);
            case "aws:cloudwatch/logGroup:LogGroup" -> out.put("arn",
                    "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:" + inputs.get("name"));
            default -> {
            }
        }
        return out;
    }

    private static String digestOf(String name) {
        return String.format("%064x", new java.math.BigInteger(1, name.getBytes()));
    }
}
