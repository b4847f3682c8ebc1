package org.anb.showcase.infra;

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
final class PrivateBucket {
    private final String name;
    private final CustomResourceOptions owner;
    private final BucketV2 bucket;

    PrivateBucket(String name, boolean forceDestroy, CustomResourceOptions owner) {
        this.name = name;
        this.owner = owner;
        bucket = new BucketV2(name, BucketV2Args.builder().bucketPrefix(name + "-")
                .forceDestroy(forceDestroy).tags(Tags.named(name)).build(), owner);
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
    void readableOnlyBy(Output<String> distributionArn, String keyPattern, String statementId) {
        allowOnly("cloudfront.amazonaws.com", "s3:GetObject", keyPattern, statementId, "AWS:SourceArn",
                distributionArn);
    }

    /**
     * The bucket policy of a log bucket: deny any request without TLS, and let only {@code service} write the keys
     * matching {@code keyPattern}, for this account's resources only. Answers the policy, which the writer must wait for.
     */
    BucketPolicy writableOnlyBy(String service, String keyPattern, String statementId, Output<String> account) {
        return allowOnly(service, "s3:PutObject", keyPattern, statementId, "aws:SourceAccount", account);
    }

    private BucketPolicy allowOnly(String service, String action, String keyPattern, String statementId,
                                   String conditionKey, Output<String> conditionValue) {
        Output<String> policy = Output.tuple(bucket.arn(), conditionValue).applyValue(t -> Policies.json(Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(
                        Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*",
                                "Action", "s3:*", "Resource", List.of(t.t1, t.t1 + "/*"),
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
                        Map.of("Sid", statementId, "Effect", "Allow", "Principal", Map.of("Service", service),
                                "Action", action, "Resource", t.t1 + "/" + keyPattern,
                                "Condition", Map.of("StringEquals", Map.of(conditionKey, t.t2)))))));
        return new BucketPolicy(name, BucketPolicyArgs.builder().bucket(bucket.id()).policy(policy).build(), owner);
    }

    BucketV2 bucket() {
        return bucket;
    }
}
