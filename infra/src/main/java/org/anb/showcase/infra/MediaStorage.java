package org.anb.showcase.infra;

import java.util.List;
import java.util.Map;

import com.pulumi.aws.s3.BucketCorsConfigurationV2;
import com.pulumi.aws.s3.BucketCorsConfigurationV2Args;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
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
import com.pulumi.aws.s3.inputs.BucketCorsConfigurationV2CorsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The media bucket: originals under {@code uploads/}, broadcast versions under {@code processed/}. Every form of
 * public access blocked, objects owned by the bucket owner, SSE by default, TLS-only, abandoned multipart uploads
 * cleaned after a day, CORS for the browser's presigned POST, and reads of {@code processed/} only by our CloudFront
 * distribution (OAC) — see {@link #allowOnly(Output)}.
 */
public final class MediaStorage extends ComponentResource {
    private final BucketV2 bucket;
    private final CustomResourceOptions child;
    private final String prefix;

    public MediaStorage(String name, StackConfig config, ComponentResourceOptions options) {
        super("anb:infra:MediaStorage", name, options);
        child = CustomResourceOptions.builder().parent(this).build();
        prefix = config.prefix();
        bucket = new BucketV2(prefix + "-media", BucketV2Args.builder().bucketPrefix(prefix + "-media-")
                .forceDestroy(!config.dbDeletionProtection()).tags(Tags.named(prefix + "-media")).build(), child);
        new BucketPublicAccessBlock(prefix + "-media", BucketPublicAccessBlockArgs.builder().bucket(bucket.id())
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                .build(), child);
        new BucketOwnershipControls(prefix + "-media", BucketOwnershipControlsArgs.builder().bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);
        new BucketServerSideEncryptionConfigurationV2(prefix + "-media", BucketServerSideEncryptionConfigurationV2Args
                .builder().bucket(bucket.id()).rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(
                                BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                        .builder().sseAlgorithm("AES256").build())
                        .bucketKeyEnabled(true).build())
                .build(), child);
        new BucketLifecycleConfigurationV2(prefix + "-media", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id()).rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("abort-abandoned-multipart-uploads").status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .abortIncompleteMultipartUpload(
                                BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                        .daysAfterInitiation(1).build())
                        .build())
                .build(), child);
        new BucketCorsConfigurationV2(prefix + "-media", BucketCorsConfigurationV2Args.builder().bucket(bucket.id())
                .corsRules(BucketCorsConfigurationV2CorsRuleArgs.builder()
                        .allowedMethods("POST").allowedOrigins("*").allowedHeaders("*").maxAgeSeconds(3000).build())
                .build(), child);
        registerOutputs(Map.of("bucketName", bucket.bucket()));
    }

    /**
     * The bucket policy: deny any request without TLS, and let exactly this CloudFront distribution read
     * {@code processed/*}. There is no other grant: the instances reach the bucket through their IAM roles.
     */
    public void allowOnly(Output<String> distributionArn) {
        Output<String> policy = Output.tuple(bucket.arn(), distributionArn).applyValue(t -> Policies.json(Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(
                        Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*",
                                "Action", "s3:*", "Resource", List.of(t.t1, t.t1 + "/*"),
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
                        Map.of("Sid", "CloudFrontReadsProcessedMedia", "Effect", "Allow",
                                "Principal", Map.of("Service", "cloudfront.amazonaws.com"),
                                "Action", "s3:GetObject", "Resource", t.t1 + "/processed/*",
                                "Condition", Map.of("StringEquals", Map.of("AWS:SourceArn", t.t2)))))));
        new BucketPolicy(prefix + "-media", BucketPolicyArgs.builder().bucket(bucket.id()).policy(policy).build(), child);
    }

    public Output<String> name() {
        return bucket.bucket();
    }

    public Output<String> arn() {
        return bucket.arn();
    }

    public Output<String> regionalDomainName() {
        return bucket.bucketRegionalDomainName();
    }
}
