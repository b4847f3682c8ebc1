package org.anb.showcase.infra.edge;

import org.anb.showcase.infra.data.MediaStorage;

import com.pulumi.aws.cloudfront.ResponseHeadersPolicy;
import com.pulumi.aws.cloudfront.ResponseHeadersPolicyArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigContentSecurityPolicyArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigContentTypeOptionsArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigFrameOptionsArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigReferrerPolicyArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurityArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The site's response headers at the edge: what AWS's managed security-headers policy sets (HSTS, nosniff, no
 * framing, referrer policy) plus a Content-Security-Policy that lets the page talk to exactly this stack's media
 * bucket — the only S3 host it uploads to and plays originals from — instead of any {@code *.amazonaws.com}.
 */
final class SiteHeaders {
    private SiteHeaders() {
    }

    static ResponseHeadersPolicy create(String prefix, StaticSite site, MediaStorage media, String region,
                                        CustomResourceOptions options) {
        // Browsers reach the bucket by its regional name (presigned URLs); the global one is allowed too.
        Output<String> policy = media.name().applyValue(bucket -> site.contentSecurityPolicy(
                "https://" + bucket + ".s3." + region + ".amazonaws.com https://" + bucket + ".s3.amazonaws.com"));
        return new ResponseHeadersPolicy(prefix + "-site", ResponseHeadersPolicyArgs.builder()
                .name(prefix + "-site")
                .comment("Security headers of the site, its policy narrowed to this stack's media bucket")
                .securityHeadersConfig(ResponseHeadersPolicySecurityHeadersConfigArgs.builder()
                        .contentSecurityPolicy(ResponseHeadersPolicySecurityHeadersConfigContentSecurityPolicyArgs
                                .builder().contentSecurityPolicy(policy).override(true).build())
                        .strictTransportSecurity(ResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurityArgs
                                .builder().accessControlMaxAgeSec(31_536_000).includeSubdomains(true).override(true)
                                .build())
                        .contentTypeOptions(ResponseHeadersPolicySecurityHeadersConfigContentTypeOptionsArgs.builder()
                                .override(true).build())
                        .frameOptions(ResponseHeadersPolicySecurityHeadersConfigFrameOptionsArgs.builder()
                                .frameOption("DENY").override(true).build())
                        .referrerPolicy(ResponseHeadersPolicySecurityHeadersConfigReferrerPolicyArgs.builder()
                                .referrerPolicy("strict-origin-when-cross-origin").override(true).build())
                        .build())
                .build(), options);
    }
}
