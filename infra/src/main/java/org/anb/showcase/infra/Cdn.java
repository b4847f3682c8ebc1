package org.anb.showcase.infra;

import java.util.Map;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.Function;
import com.pulumi.aws.cloudfront.FunctionArgs;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessControlArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorForwardedValuesArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorForwardedValuesCookiesArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorForwardedValuesArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorForwardedValuesCookiesArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorFunctionAssociationArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * CloudFront, the only public entrance: {@code /api/*} goes to the ALB uncached, with every method, the
 * Authorization header and the query string, plus the secret origin header the ALB insists on; {@code /media/*}
 * goes to the bucket through Origin Access Control, cached, with {@code /media} stripped by a viewer-request function
 * (so {@code /media/processed/x.mp4} reads {@code processed/x.mp4}). HTTP is redirected to HTTPS.
 */
public final class Cdn extends ComponentResource {
    static final String API_ORIGIN = "api";
    static final String MEDIA_ORIGIN = "media";
    /** AWS's managed "CachingOptimized" cache policy. */
    static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String STRIP_MEDIA_PREFIX = """
            function handler(event) {
              var request = event.request;
              request.uri = request.uri.replace(/^\\/media\\//, '/');
              return request;
            }""";

    private final Distribution distribution;

    public Cdn(String name, StackConfig config, LoadBalancer loadBalancer, MediaStorage media,
               ComponentResourceOptions options) {
        super("anb:infra:Cdn", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();
        var oac = new OriginAccessControl(prefix + "-media", OriginAccessControlArgs.builder()
                .name(prefix + "-media").originAccessControlOriginType("s3")
                .signingBehavior("always").signingProtocol("sigv4").build(), child);
        var stripMedia = new Function(prefix + "-strip-media", FunctionArgs.builder().name(prefix + "-strip-media")
                .runtime("cloudfront-js-2.0").publish(true).code(STRIP_MEDIA_PREFIX)
                .comment("Maps /media/<key> to the bucket key").build(), child);

        distribution = new Distribution(prefix + "-cdn", DistributionArgs.builder()
                .enabled(true).isIpv6Enabled(true).priceClass(config.cdnPriceClass())
                .comment("ANB Rising Stars Showcase (" + config.environment() + ")")
                .origins(
                        DistributionOriginArgs.builder().originId(API_ORIGIN).domainName(loadBalancer.dnsName())
                                .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                                        .httpPort(80).httpsPort(443).originProtocolPolicy("http-only")
                                        .originSslProtocols("TLSv1.2").originReadTimeout(60).build())
                                .customHeaders(DistributionOriginCustomHeaderArgs.builder()
                                        .name(LoadBalancer.ORIGIN_HEADER).value(Output.ofSecret(config.originSecret()))
                                        .build())
                                .build(),
                        DistributionOriginArgs.builder().originId(MEDIA_ORIGIN).domainName(media.regionalDomainName())
                                .originAccessControlId(oac.id()).build())
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(API_ORIGIN).viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods("GET", "HEAD", "OPTIONS").cachedMethods("GET", "HEAD")
                        .forwardedValues(DistributionDefaultCacheBehaviorForwardedValuesArgs.builder().queryString(true)
                                .cookies(DistributionDefaultCacheBehaviorForwardedValuesCookiesArgs.builder()
                                        .forward("none").build()).build())
                        .minTtl(0).defaultTtl(0).maxTtl(0).build())
                .orderedCacheBehaviors(
                        DistributionOrderedCacheBehaviorArgs.builder().pathPattern("/api/*")
                                .targetOriginId(API_ORIGIN).viewerProtocolPolicy("redirect-to-https")
                                .allowedMethods("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")
                                .cachedMethods("GET", "HEAD")
                                // Legacy forwarding is the way to pass Authorization with caching off.
                                .forwardedValues(DistributionOrderedCacheBehaviorForwardedValuesArgs.builder()
                                        .queryString(true).headers("Authorization", "Content-Type", "Accept", "Origin")
                                        .cookies(DistributionOrderedCacheBehaviorForwardedValuesCookiesArgs.builder()
                                                .forward("none").build()).build())
                                .minTtl(0).defaultTtl(0).maxTtl(0).compress(true).build(),
                        DistributionOrderedCacheBehaviorArgs.builder().pathPattern("/media/*")
                                .targetOriginId(MEDIA_ORIGIN).viewerProtocolPolicy("redirect-to-https")
                                .allowedMethods("GET", "HEAD").cachedMethods("GET", "HEAD")
                                .cachePolicyId(CACHING_OPTIMIZED).compress(false)
                                .functionAssociations(DistributionOrderedCacheBehaviorFunctionAssociationArgs.builder()
                                        .eventType("viewer-request").functionArn(stripMedia.arn()).build())
                                .build())
                .restrictions(DistributionRestrictionsArgs.builder().geoRestriction(
                        DistributionRestrictionsGeoRestrictionArgs.builder().restrictionType("none").build()).build())
                .viewerCertificate(DistributionViewerCertificateArgs.builder().cloudfrontDefaultCertificate(true)
                        .minimumProtocolVersion("TLSv1.2_2021").build())
                .tags(Tags.named(prefix + "-cdn"))
                .build(), child);
        media.allowOnly(distribution.arn());
        registerOutputs(Map.of("url", url()));
    }

    /** The public base URL: the API is at {@code <url>/api}. */
    public Output<String> url() {
        return distribution.domainName().applyValue(domain -> "https://" + domain);
    }

    /** What the API puts in front of a processed key to make a playable URL. */
    public Output<String> mediaBaseUrl() {
        return url().applyValue(url -> url + "/media");
    }
}
