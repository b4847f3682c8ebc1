package org.anb.showcase.infra.edge;

import java.util.List;

import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.resources.CustomResourceOptions;

/**
 * How CloudFront caches {@code /api/public/*} (gallery pages, rankings): as long as the API's Cache-Control says
 * (5 s for an anonymous read; nothing without a Cache-Control), keyed on the query parameters the public reads take
 * ({@link #QUERY_KEYS}; CloudFront forwards no other, so a parameter missing here never reaches the API). The Authorization header is part of the key too — CloudFront forwards it on GETs only
 * then — so an anonymous reader never gets a logged-in viewer's answer; and those answers are {@code private} at
 * the origin, so CloudFront stores none of them.
 */
public final class PublicReadCaching {
    public static final int MAX_SECONDS = 60;
    /** Every query parameter of a GET under /api/public/ (WiringTest checks this against the OpenAPI document). */
    public static final List<String> QUERY_KEYS = List.of("page", "page_size", "city", "q", "sort", "seed", "expand");

    private PublicReadCaching() {
    }

    static CachePolicy create(String prefix, CustomResourceOptions options) {
        return CachePolicies.create(prefix + "-public-reads",
                "Public API reads: the API's Cache-Control decides; key = their query parameters (+ Authorization)",
                new CachePolicies.Ttl(0, 0, MAX_SECONDS), List.of("Authorization"), QUERY_KEYS, options);
    }
}
