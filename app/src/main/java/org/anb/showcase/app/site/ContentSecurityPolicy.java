package org.anb.showcase.app.site;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;

/**
 * The site's policy, from its own meta tag, with the storage hosts it allows (any S3 endpoint, any local port)
 * narrowed to the one origin actually in use. Sent as a header, it and the meta tag both apply, so the narrower
 * wins; it also forbids framing, which a meta tag cannot.
 */
final class ContentSecurityPolicy {
    static final HeaderName HEADER = HeaderNames.create("Content-Security-Policy");
    /** The page's stand-in for "wherever the media bucket is", in web/site/index.html. */
    static final String ANY_STORAGE = "https://*.amazonaws.com http://localhost:* http://127.0.0.1:*";
    private static final Pattern META = Pattern.compile(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">");

    private ContentSecurityPolicy() {
    }

    static String narrowedTo(String storageOrigin, String indexHtml) {
        Matcher meta = META.matcher(indexHtml);
        if (!meta.find() || !meta.group(1).contains(ANY_STORAGE)) {
            throw new IllegalStateException("index.html has no Content-Security-Policy naming " + ANY_STORAGE);
        }
        return meta.group(1).replace(ANY_STORAGE, storageOrigin) + "; frame-ancestors 'none'";
    }
}
