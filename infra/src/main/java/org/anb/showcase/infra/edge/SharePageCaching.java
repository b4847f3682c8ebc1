package org.anb.showcase.infra.edge;

import java.util.List;

import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.resources.CustomResourceOptions;

/**
 * How CloudFront caches the share pages ({@link #PATHS}: {@code /v/{id}}, {@code /jugador/{id}}, {@code /oembed}),
 * which the API renders for link-preview crawlers: as long as the API says (60 s; 10 s for a 404), at most
 * {@value #MAX_SECONDS} s whatever it says, so a disqualified video's page is gone within that. Nothing personal
 * reaches them (no cookie, no header), and only oEmbed's two parameters are in the key: a link shared with
 * {@code ?utm_source=…} is the same cached page.
 */
public final class SharePageCaching {
    static final List<String> PATHS = List.of("/v/*", "/jugador/*", "/oembed");
    static final int DEFAULT_SECONDS = 60;
    static final int MAX_SECONDS = 300;
    /** Every query parameter of the share routes (WiringTest checks this against the OpenAPI document). */
    public static final List<String> QUERY_KEYS = List.of("url", "format");

    private SharePageCaching() {
    }

    static CachePolicy create(String prefix, CustomResourceOptions options) {
        return CachePolicies.create(prefix + "-share-pages",
                "Share pages and oEmbed: the API's Cache-Control (60 s) decides, at most 300 s; key = oEmbed's parameters",
                new CachePolicies.Ttl(0, DEFAULT_SECONDS, MAX_SECONDS), List.of(), QUERY_KEYS, options);
    }
}
