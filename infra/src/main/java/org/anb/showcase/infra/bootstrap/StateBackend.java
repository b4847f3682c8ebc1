package org.anb.showcase.infra.bootstrap;

import org.anb.showcase.infra.Policies;

import java.util.List;
import java.util.Map;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * Pulumi's state for the stacks: a versioned bucket (every checkpoint recoverable), encrypted, private, TLS only, and
 * protected from deletion; and the KMS key the stacks' secrets are encrypted with ({@value #SECRETS_PROVIDER}).
 */
public record StateBackend(BucketV2 bucket, Key secretsKey) {
    public static final String SECRETS_ALIAS = "alias/anb-pulumi-secrets";
    public static final String SECRETS_PROVIDER = "awskms://" + SECRETS_ALIAS;

    static StateBackend create(CustomResourceOptions options) {
        var kept = CustomResourceOptions.merge(options, CustomResourceOptions.builder().protect(true).build());
        var bucket = new BucketV2("pulumi-state", BucketV2Args.builder().bucketPrefix("anb-pulumi-state-").build(), kept);
        new BucketVersioningV2("pulumi-state", BucketVersioningV2Args.builder().bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                .build(), options);
        new BucketPublicAccessBlock("pulumi-state", BucketPublicAccessBlockArgs.builder().bucket(bucket.id())
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)
                .build(), options);
        new BucketServerSideEncryptionConfigurationV2("pulumi-state", BucketServerSideEncryptionConfigurationV2Args
                .builder().bucket(bucket.id()).rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(
                                BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                        .builder().sseAlgorithm("AES256").build()).build())
                .build(), options);
        new BucketPolicy("pulumi-state", BucketPolicyArgs.builder().bucket(bucket.id())
                .policy(bucket.arn().applyValue(arn -> Policies.json(Map.of("Version", "2012-10-17", "Statement",
                        List.of(Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*",
                                "Action", "s3:*", "Resource", List.of(arn, arn + "/*"),
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))
                .build(), options);
        var key = new Key("pulumi-secrets", KeyArgs.builder().description("Encrypts the ANB stacks' Pulumi secrets")
                .enableKeyRotation(true).deletionWindowInDays(30).build(), kept);
        new Alias("pulumi-secrets", AliasArgs.builder().name(SECRETS_ALIAS).targetKeyId(key.keyId()).build(), options);
        return new StateBackend(bucket, key);
    }

    public Output<String> bucketName() {
        return bucket.bucket();
    }
}
