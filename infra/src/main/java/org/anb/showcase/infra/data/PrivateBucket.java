package org.anb.showcase.infra.data;

import org.anb.showcase.infra.Policies;
import org.anb.showcase.infra.Tags;

import java.util.List;
import java.util.Map;

import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * A bucket nobody outside the account can reach, as all of ours are: every form of public access blocked, objects
 * owned by the bucket owner (no ACLs), SSE by default, and a policy that refuses plain HTTP and lets exactly one
 * service in: a CloudFront distribution (through Origin Access Control) reading one key pattern, or a log delivery
 * service writing one. Not a component of its own: the
 * resources keep the names and parent of the component that owns the bucket.
 */
public final class PrivateBucket {
    private final String name;
    private final CustomResourceOptions owner;
    private final BucketV2 bucket;

    /**
     * @param forceDestroy whether deleting the stack may delete the bucket with its objects in it
     * @param protect      Pulumi's {@code protect}: no update or destroy may delete the bucket at all
     */
    public PrivateBucket(String name, boolean forceDestroy, boolean protect, CustomResourceOptions owner) {
        this.name = name;
        this.owner = owner;
        bucket = new BucketV2(name, BucketV2Args.builder().bucketPrefix(name + "-")
                .forceDestroy(forceDestroy).tags(Tags.named(name)).build(),
                CustomResourceOptions.merge(owner, CustomResourceOptions.builder().protect(protect).build()));
        new BucketPublicAccessBlock(name, BucketPublicAccessBlockArgs.builder().bucket(bucket.id())
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                .build(), owner);
        new BucketOwnershipControls(name, BucketOwnershipControlsArgs.builder().bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), owner);
        new BucketServerSideEncryptionConfigurationV2(name, BucketServerSideEncryptionConfigurationV2Args
                .builder().bucket(bucket.id()).rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(
                                BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                        .builder().sseAlgorithm("AES256").build())
                        .bucketKeyEnabled(true).build())
                .build(), owner);
    }

    /**
     * The bucket policy: deny any request without TLS, and let exactly this distribution read the keys matching
     * {@code keyPattern}. There is no other grant: the instances reach the bucket through their IAM roles.
     */
    public void readableOnlyBy(Output<String> distributionArn, String keyPattern, String statementId) {
        allowOnly("cloudfront.amazonaws.com", "s3:GetObject", keyPattern, statementId, "AWS:SourceArn",
                distributionArn);
    }

    /**
     * The log bucket's policy (no request without TLS) and where the load balancer writes its access logs, which the
     * load balancer must wait for: through the log-delivery service principal (what AWS documents
     * for newer regions) and, in the regions that predate it, also the region's Elastic Load Balancing account, limited
     * to this account's folder — AWS documents one or the other per region, and granting both costs nothing.
     */
    public BucketPolicy writableOnlyByLoadBalancers(String region, String folder, Output<String> account) {
        String elbAccount = ELB_ACCOUNTS.get(region);
        return allowOnly("logdelivery.elasticloadbalancing.amazonaws.com", "s3:PutObject", folder + "/AWSLogs/*",
                "LoadBalancerAccessLogs", "aws:SourceAccount", account,
                elbAccount == null ? (arn, accountId) -> List.of() : (arn, accountId) -> List.of(Map.of(
                        "Sid", "LoadBalancerAccountWritesAccessLogs", "Effect", "Allow",
                        "Principal", Map.of("AWS", "arn:aws:iam::" + elbAccount + ":root"), "Action", "s3:PutObject",
                        "Resource", arn + "/" + folder + "/AWSLogs/" + accountId + "/*")));
    }

    /** The Elastic Load Balancing account of each region created before August 2022 (AWS's access-log documentation). */
    private static final Map<String, String> ELB_ACCOUNTS = Map.ofEntries(
            Map.entry("us-east-1", "127311923021"), Map.entry("us-east-2", "033677994240"),
            Map.entry("us-west-1", "027434742980"), Map.entry("us-west-2", "797873946194"),
            Map.entry("ca-central-1", "985666609251"), Map.entry("sa-east-1", "507241528517"),
            Map.entry("eu-west-1", "156460612806"), Map.entry("eu-central-1", "054676820928"));

    private BucketPolicy allowOnly(String service, String action, String keyPattern, String statementId,
                                   String conditionKey, Output<String> conditionValue) {
        return allowOnly(service, action, keyPattern, statementId, conditionKey, conditionValue,
                (arn, value) -> List.of());
    }

    private BucketPolicy allowOnly(String service, String action, String keyPattern, String statementId,
                                   String conditionKey, Output<String> conditionValue,
                                   java.util.function.BiFunction<String, String, List<Map<String, Object>>> more) {
        Output<String> policy = Output.tuple(bucket.arn(), conditionValue).applyValue(t -> {
            List<Object> statements = new java.util.ArrayList<>(List.of(
                    Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*",
                            "Action", "s3:*", "Resource", List.of(t.t1, t.t1 + "/*"),
                            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
                    Map.of("Sid", statementId, "Effect", "Allow", "Principal", Map.of("Service", service),
                            "Action", action, "Resource", t.t1 + "/" + keyPattern,
                            "Condition", Map.of("StringEquals", Map.of(conditionKey, t.t2)))));
            statements.addAll(more.apply(t.t1, t.t2));
            return Policies.json(Map.of("Version", "2012-10-17", "Statement", statements));
        });
        return new BucketPolicy(name, BucketPolicyArgs.builder().bucket(bucket.id()).policy(policy).build(), owner);
    }

    public BucketV2 bucket() {
        return bucket;
    }
}
