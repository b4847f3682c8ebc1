package org.anb.showcase.app.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * A public read (gallery page, rankings) sent so caches can help: an {@code ETag} of the body, so a client that
 * has it gets 304 without the body; for an anonymous caller {@code Cache-Control: public, max-age=5}, so CloudFront
 * and browsers may keep it a few seconds; for a logged-in caller (whose answer says which videos they voted for)
 * {@code private, no-cache}, so no shared cache ever stores it. {@code Vary: Authorization} either way.
 */
public final class PublicRead {
    static final int SHARED_SECONDS = 5;
    static final String SHARED = "public, max-age=" + SHARED_SECONDS;
    static final String VIEWER_ONLY = "private, no-cache";

    private PublicRead() {
    }

    /** A body written once, with its validator and type: what {@link PublicPages} keeps. */
    public record Rendered(byte[] body, String etag, String contentType) {
        public static Rendered of(Object body) {
            byte[] bytes = Json.bytes(body);
            return new Rendered(bytes, etagOf(bytes), "application/json; charset=UTF-8");
        }

        public static Rendered html(String page) {
            byte[] bytes = page.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new Rendered(bytes, etagOf(bytes), "text/html; charset=UTF-8");
        }
    }

    /** Whether the answer depends on who asks (it says which videos the caller voted for). */
    public static boolean personal(ServerRequest req) {
        return req.headers().contains(HeaderNames.AUTHORIZATION);
    }

    /**
     * Sends the page, kept by shared caches at most {@code maxAgeSeconds} (fewer than 5 when what the page shows
     * changes sooner: the edition's final stretch hides the counts).
     */
    public static void send(ServerRequest req, ServerResponse res, Rendered page, long maxAgeSeconds) {
        long shared = Math.max(0, Math.min(SHARED_SECONDS, maxAgeSeconds));
        send(req, res, page, personal(req) ? VIEWER_ONLY : shared == SHARED_SECONDS ? SHARED : "public, max-age=" + shared);
    }

    /** Sends the page with {@code cacheControl}, or 304 without a body when the client's copy is this one. */
    public static void send(ServerRequest req, ServerResponse res, Rendered page, String cacheControl) {
        res.header(HeaderNames.CACHE_CONTROL, cacheControl);
        res.header(HeaderNames.VARY, "Authorization");
        res.header(HeaderNames.ETAG, page.etag());
        if (req.headers().first(HeaderNames.IF_NONE_MATCH).map(tags -> matches(tags, page.etag())).orElse(false)) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, page.contentType());
        res.status(Status.OK_200).send(page.body());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
