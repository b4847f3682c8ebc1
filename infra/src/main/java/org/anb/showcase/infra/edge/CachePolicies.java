package org.anb.showcase.infra.edge;

import java.util.List;

import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.CachePolicyArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigHeadersArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigQueryStringsArgs;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The distribution's cache policies, all alike in what never varies: compressed copies kept apart, no cookie in the
 * key. Each names its TTLs (seconds), the headers and the query parameters in its key (none when empty).
 */
final class CachePolicies {
    private CachePolicies() {
    }

    record Ttl(int min, int defaultSeconds, int max) {
    }

    static CachePolicy create(String name, String comment, Ttl ttl, List<String> headers, List<String> queryKeys,
                              CustomResourceOptions options) {
        var headersConfig = CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs.builder()
                .headerBehavior(headers.isEmpty() ? "none" : "whitelist");
        if (!headers.isEmpty()) {
            headersConfig.headers(CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigHeadersArgs.builder()
                    .items(headers).build());
        }
        var queryConfig = CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs.builder()
                .queryStringBehavior(queryKeys.isEmpty() ? "none" : "whitelist");
        if (!queryKeys.isEmpty()) {
            queryConfig.queryStrings(CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigQueryStringsArgs
                    .builder().items(queryKeys).build());
        }
        return new CachePolicy(name, CachePolicyArgs.builder().name(name).comment(comment)
                .minTtl(ttl.min()).defaultTtl(ttl.defaultSeconds()).maxTtl(ttl.max())
                .parametersInCacheKeyAndForwardedToOrigin(CachePolicyParametersInCacheKeyAndForwardedToOriginArgs.builder()
                        .enableAcceptEncodingGzip(true).enableAcceptEncodingBrotli(true)
                        .cookiesConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs.builder()
                                .cookieBehavior("none").build())
                        .headersConfig(headersConfig.build())
                        .queryStringsConfig(queryConfig.build())
                        .build())
                .build(), options);
    }
}
