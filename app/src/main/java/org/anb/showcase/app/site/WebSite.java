package org.anb.showcase.app.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * The browser front end (the {@code web} module's files, on the classpath under {@value #ROOT}) served beside the
 * API when {@code site.enabled} is true — the local mode. In AWS CloudFront serves the same files from S3 instead.
 */
public final class WebSite {
    static final String ROOT = "anb-web";
    private static final String INDEX = "index.html";

    private WebSite() {
    }

    /**
     * The site's service, or empty when this server only serves the API.
     * Every file goes out with a Content-Security-Policy header that narrows the page's own policy (its meta tag
     * allows any S3 host, since the same files are served in AWS) to exactly {@code storageOrigin}, the one
     * S3-compatible server the page uploads to and plays originals from.
     */
    public static Optional<HttpService> from(Config site, String storageOrigin) {
        if (!site.get("enabled").asBoolean().orElse(false)) {
            return Optional.empty();
        }
        String policy = contentSecurityPolicy(storageOrigin);
        StaticContentService files = StaticContentService.builder(ROOT)
                .welcomeFileName(INDEX)
                .pathMapper(WebSite::fileFor)
                .build();
        return Optional.of(rules -> {
            rules.any((req, res) -> {
                res.header(ContentSecurityPolicy.HEADER, policy);
                res.next();
            });
            files.routing(rules);
        });
    }

    /** The site's index.html from the classpath (the web module is a dependency of the API: share pages need it). */
    public static String indexHtml() {
        try (InputStream in = WebSite.class.getClassLoader().getResourceAsStream(ROOT + "/" + INDEX)) {
            if (in == null) {
                throw new IllegalStateException("the web module (" + ROOT + "/" + INDEX + ") is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Content-Security-Policy header every page of the site goes out with (see {@link #from}). */
    public static String contentSecurityPolicy(String storageOrigin) {
        return ContentSecurityPolicy.narrowedTo(storageOrigin, indexHtml());
    }

    /**
     * The single-page app's fallback: a page address such as {@code mis-videos} is answered with index.html, whose
     * router draws the page. Files (a dot in the last segment) and anything under {@code api/} or {@code observe/}
     * (metrics) keep their own path, so a missing asset or an unknown API route still ends in the JSON 404.
     *
     * @param path the request path without its leading slash, as the static content service passes it
     */
    static String fileFor(String path) {
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        boolean isFileOrRoot = path.isEmpty() || lastSegment.contains(".");
        return isFileOrRoot || isServerPath(path, "api") || isServerPath(path, "observe") ? path : INDEX;
    }

    private static boolean isServerPath(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
