package org.anb.showcase.infra.data;

import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.edge.Cdn;

import java.util.List;
import java.util.Map;

import com.pulumi.aws.s3.BucketCorsConfigurationV2;
import com.pulumi.aws.s3.BucketCorsConfigurationV2Args;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketCorsConfigurationV2CorsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The media bucket: originals under {@code uploads/}, direct uploads waiting for completion under {@code incoming/},
 * broadcast versions under {@code processed/}. A {@link PrivateBucket} (reads of {@code processed/} only by our
 * CloudFront distribution), plus abandoned multipart uploads and anything left in {@code incoming/} cleaned after a
 * day (the API's sweeper removes expired ones within minutes; this is the backstop) and CORS for the site's POST.
 */
public final class MediaStorage extends ComponentResource {
    private final PrivateBucket storage;
    private final BucketV2 bucket;
    private final CustomResourceOptions child;
    private final String prefix;

    public MediaStorage(String name, StackConfig config, ComponentResourceOptions options) {
        super("anb:infra:MediaStorage", name, options);
        child = CustomResourceOptions.builder().parent(this).build();
        prefix = config.prefix();
        storage = new PrivateBucket(prefix + "-media", !config.dbDeletionProtection(), config.protectsData(), child);
        bucket = storage.bucket();
        // An original deleted by mistake (a script, a wrong moderation) can be brought back for 30 days.
        var versioning = new BucketVersioningV2(prefix + "-media", BucketVersioningV2Args.builder().bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled")
                        .build())
                .build(), child);
        new BucketLifecycleConfigurationV2(prefix + "-media", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id()).rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("abort-abandoned-multipart-uploads").status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .abortIncompleteMultipartUpload(
                                BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                        .daysAfterInitiation(1).build())
                        .build(), BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-uncompleted-direct-uploads").status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("incoming/").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(1).build())
                        .build(), BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("keep-replaced-and-deleted-objects-30-days").status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .noncurrentVersionExpiration(
                                BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                        .noncurrentDays(30).build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                .expiredObjectDeleteMarker(true).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(versioning).build());
        registerOutputs(Map.of("bucketName", bucket.bucket()));
    }

    /** Only this distribution may read, and only {@code processed/*}: originals stay private. */
    public void allowOnly(Output<String> distributionArn) {
        storage.readableOnlyBy(distributionArn, "processed/*", "CloudFrontReadsProcessedMedia");
    }

    /**
     * CORS for the presigned POST: only the site's own origin may send a browser upload (the site and the API share
     * the CloudFront domain, which exists only after the distribution does — hence a method, called by {@link Cdn}).
     */
    public void acceptBrowserUploadsFrom(Output<String> siteOrigin) {
        new BucketCorsConfigurationV2(prefix + "-media", BucketCorsConfigurationV2Args.builder().bucket(bucket.id())
                .corsRules(BucketCorsConfigurationV2CorsRuleArgs.builder()
                        .allowedMethods("POST").allowedOrigins(siteOrigin.applyValue(List::of))
                        .allowedHeaders("*").maxAgeSeconds(3000).build())
                .build(), child);
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
