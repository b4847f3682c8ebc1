package org.anb.showcase.infra.edge;

import org.anb.showcase.infra.StackConfig;
import org.anb.showcase.infra.Tags;
import org.anb.showcase.infra.data.MediaStorage;
import org.anb.showcase.infra.network.Firewall;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.Function;
import com.pulumi.aws.cloudfront.FunctionArgs;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessControlArgs;
import com.pulumi.aws.cloudfront.VpcOrigin;
import com.pulumi.aws.cloudfront.VpcOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorFunctionAssociationArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorForwardedValuesArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorForwardedValuesCookiesArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorFunctionAssociationArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginVpcOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.cloudfront.inputs.VpcOriginVpcOriginEndpointConfigArgs;
import com.pulumi.aws.cloudfront.inputs.VpcOriginVpcOriginEndpointConfigOriginSslProtocolsArgs;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * CloudFront, the only public entrance: {@code /api/*} goes to the ALB uncached, with every method, the
 * Authorization header and the query string, plus the secret origin header the ALB insists on; {@code /media/*}
 * goes to the bucket through Origin Access Control, cached, with {@code /media} stripped by a viewer-request function
 * (so {@code /media/processed/x.mp4} reads {@code processed/x.mp4}); everything else is the browser front end from
 * the site bucket (OAC too), page paths answered with index.html — except the share pages ({@code /v/*},
 * {@code /jugador/*}, {@code /oembed}), which the API renders with their link previews, cached by their own policy
 * ({@link SharePageCaching}) and sent with the site's security headers. HTTP is redirected to HTTPS.
 */
public final class Cdn extends ComponentResource {
    public static final String API_ORIGIN = "api";
    public static final String MEDIA_ORIGIN = "media";
    public static final String SITE_ORIGIN = "site";
    /** AWS's managed "CachingOptimized" cache policy. */
    public static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String STRIP_MEDIA_PREFIX = """
            function handler(event) {
              var request = event.request;
              request.uri = request.uri.replace(/^\\/media\\//, '/');
              return request;
            }""";
    /**
     * The single-page app's fallback, scoped to the site's behaviour: a path whose last segment has no dot is a page
     * of the app and gets index.html. (A distribution-wide custom error response would also turn the API's JSON 404s
     * into HTML.) The same rule as the local mode's {@code WebSite.fileFor}.
     */
    private static final String SPA_FALLBACK = """
            function handler(event) {
              var request = event.request;
              var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
              if (last.indexOf('.') === -1) {
                request.uri = '/index.html';
              }
              return request;
            }""";

    private final Distribution distribution;

    public Cdn(String name, StackConfig config, LoadBalancer loadBalancer, Firewall firewall, MediaStorage media,
               StaticSite site, WebFirewall webFirewall, ComponentResourceOptions options) {
        super("anb:infra:Cdn", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String prefix = config.prefix();
        var oac = signedS3Access(prefix + "-media", child);
        var stripMedia = viewerRequestFunction(prefix + "-strip-media", STRIP_MEDIA_PREFIX,
                "Maps /media/<key> to the bucket key", child);
        var siteOac = signedS3Access(prefix + "-site", child);
        var spaFallback = viewerRequestFunction(prefix + "-spa-fallback", SPA_FALLBACK,
                "Answers the app's page paths with index.html", child);
        // Honours each object's own Cache-Control: a year for versioned assets, nothing for index.html.
        var siteCaching = CachePolicies.create(prefix + "-site", "Site files: the object's Cache-Control decides",
                new CachePolicies.Ttl(0, 86400, 31536000), List.of(), List.of(), child);

        // CloudFront's own elastic network interfaces in our VPC reach the internal load balancer: the API's
        // traffic never crosses the internet, and plain HTTP inside the VPC is all it needs. AWS refuses any update to
        // a VPC origin while a distribution uses it, tags included: it is made through a provider without the
        // stack's default tags, so a tag change elsewhere never wedges the stack.
        var untagged = new Provider(prefix + "-no-default-tags", ProviderArgs.builder().region(config.region()).build(),
                child);
        var apiOrigin = new VpcOrigin(prefix + "-api", VpcOriginArgs.builder()
                .vpcOriginEndpointConfig(VpcOriginVpcOriginEndpointConfigArgs.builder().name(prefix + "-api")
                        .arn(loadBalancer.arn()).httpPort(80).httpsPort(443).originProtocolPolicy("http-only")
                        .originSslProtocols(VpcOriginVpcOriginEndpointConfigOriginSslProtocolsArgs.builder()
                                .items("TLSv1.2").quantity(1).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(untagged).build());
        firewall.admitCloudFrontVpcOrigins(apiOrigin.id());

        var siteHeaders = SiteHeaders.create(prefix, site, media, config.region(), child);
        var publicReads = PublicReadCaching.create(prefix, child);
        var sharePages = SharePageCaching.create(prefix, child);
        List<DistributionOrderedCacheBehaviorArgs> shareBehaviours = SharePageCaching.PATHS.stream()
                .map(path -> DistributionOrderedCacheBehaviorArgs.builder().pathPattern(path)
                        .targetOriginId(API_ORIGIN).viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods("GET", "HEAD").cachedMethods("GET", "HEAD")
                        .cachePolicyId(sharePages.id()).responseHeadersPolicyId(siteHeaders.id()).compress(true)
                        .build())
                .toList();
        distribution = new Distribution(prefix + "-cdn", DistributionArgs.builder()
                .enabled(true).isIpv6Enabled(true).priceClass(config.cdnPriceClass()).webAclId(webFirewall.arn())
                .comment("ANB Rising Stars Showcase (" + config.environment() + ")")
                .origins(
                        DistributionOriginArgs.builder().originId(API_ORIGIN).domainName(loadBalancer.dnsName())
                                .vpcOriginConfig(DistributionOriginVpcOriginConfigArgs.builder()
                                        .vpcOriginId(apiOrigin.id()).originReadTimeout(60).build())
                                .customHeaders(DistributionOriginCustomHeaderArgs.builder()
                                        .name(LoadBalancer.ORIGIN_HEADER).value(loadBalancer.originSecret())
                                        .build())
                                .build(),
                        DistributionOriginArgs.builder().originId(MEDIA_ORIGIN).domainName(media.regionalDomainName())
                                .originAccessControlId(oac.id()).build(),
                        DistributionOriginArgs.builder().originId(SITE_ORIGIN).domainName(site.regionalDomainName())
                                .originAccessControlId(siteOac.id()).build())
                .defaultRootObject(SiteFiles.INDEX)
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(SITE_ORIGIN).viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods("GET", "HEAD").cachedMethods("GET", "HEAD")
                        .cachePolicyId(siteCaching.id()).responseHeadersPolicyId(siteHeaders.id()).compress(true)
                        .functionAssociations(DistributionDefaultCacheBehaviorFunctionAssociationArgs.builder()
                                .eventType("viewer-request").functionArn(spaFallback.arn()).build())
                        .build())
                .orderedCacheBehaviors(Stream.concat(Stream.of(
                        // Before /api/*: CloudFront takes the first pattern that matches.
                        DistributionOrderedCacheBehaviorArgs.builder().pathPattern("/api/public/*")
                                .targetOriginId(API_ORIGIN).viewerProtocolPolicy("redirect-to-https")
                                .allowedMethods("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")
                                .cachedMethods("GET", "HEAD").cachePolicyId(publicReads.id()).compress(true).build(),
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
                                .build()), shareBehaviours.stream()).toList())
                .restrictions(DistributionRestrictionsArgs.builder().geoRestriction(
                        DistributionRestrictionsGeoRestrictionArgs.builder().restrictionType("none").build()).build())
                .viewerCertificate(DistributionViewerCertificateArgs.builder().cloudfrontDefaultCertificate(true)
                        .minimumProtocolVersion("TLSv1.2_2021").build())
                .tags(Tags.named(prefix + "-cdn"))
                .build(), child);
        media.allowOnly(distribution.arn());
        media.acceptBrowserUploadsFrom(url());
        site.allowOnly(distribution.arn());
        registerOutputs(Map.of("url", url()));
    }

    /** Origin Access Control: CloudFront signs every request to the bucket, which admits nothing unsigned. */
    private static OriginAccessControl signedS3Access(String name, CustomResourceOptions child) {
        return new OriginAccessControl(name, OriginAccessControlArgs.builder().name(name)
                .originAccessControlOriginType("s3").signingBehavior("always").signingProtocol("sigv4").build(), child);
    }

    private static Function viewerRequestFunction(String name, String code, String comment,
                                                  CustomResourceOptions child) {
        return new Function(name, FunctionArgs.builder().name(name).runtime("cloudfront-js-2.0").publish(true)
                .code(code).comment(comment).build(), child);
    }

    /** The distribution's id, for invalidations (a share page that must go before its 60 s). */
    public Output<String> distributionId() {
        return distribution.id();
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
