package org.anb.showcase.app.site;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.gallery.PublicProfiles;
import org.anb.showcase.app.gallery.PublicProfiles.PlayerProfile;
import org.anb.showcase.app.gallery.PublicProfiles.VideoProfile;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.PathIds;
import org.anb.showcase.app.http.PublicPages;
import org.anb.showcase.app.http.PublicRead;

/**
 * The links fans share: {@code /v/{video_id}} and {@code /jugador/{player_id}}, the site's page with its link preview
 * rendered here (in AWS CloudFront sends these paths to the API, caching them {@value #SHARED_SECONDS} s), and
 * {@code /oembed}, which tells a site embedding such a link what to show. Rendered pages are shared like the gallery's
 * ({@link PublicPages}): under load a page is one lookup, not a query.
 */
public final class ShareRoutes {
    /** How long a CDN or browser keeps a page: a disqualified or erased video's page is gone within this. */
    static final int SHARED_SECONDS = 60;
    private static final String SHARED = "public, max-age=" + SHARED_SECONDS;
    /** A 404 is kept briefly: a video published a moment later should not wait a minute to be seen. */
    private static final String NOT_FOUND_SHARED = "public, max-age=10";
    private static final Pattern SHARED_PATH = Pattern.compile("/(v|jugador)/([0-9a-fA-F-]{36})/?");

    private final PublicProfiles profiles;
    private final PublicPages pages;
    private final SharePage page;
    private final PublicRead.Rendered notFound;
    private final String siteUrl;
    private final String siteAuthority; // host[:port] a URL must name to be one of our pages
    private final String contentSecurityPolicy;

    public ShareRoutes(PublicProfiles profiles, PublicPages pages, String siteUrl, String storageOrigin) {
        this.profiles = profiles;
        this.pages = pages;
        this.page = new SharePage(WebSite.indexHtml());
        this.notFound = PublicRead.Rendered.html(page.notFound());
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        this.siteAuthority = URI.create(this.siteUrl).getAuthority();
        this.contentSecurityPolicy = WebSite.contentSecurityPolicy(storageOrigin);
    }

    /** The site's public address ({@code site.url}): every link in a preview is absolute. */
    public static String siteUrl(Config config) {
        return config.get("site.url").asString().orElse("http://localhost:8080");
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/v/{video_id}", this::videoPage),
                Endpoint.get("/jugador/{player_id}", this::playerPage),
                Endpoint.get("/oembed", this::oembed));
    }

    private void videoPage(ServerRequest req, ServerResponse res) {
        sendPage(req, res, "share:video", () -> PathIds.videoId(req), id -> profiles.video(id, Optional.empty())
                .map(this::videoCard));
    }

    private void playerPage(ServerRequest req, ServerResponse res) {
        sendPage(req, res, "share:player", () -> PathIds.playerId(req), id -> profiles.player(id, Optional.empty())
                .map(this::playerCard));
    }

    /** {@code id} and {@code card} throw the API's 404 for what shows nothing; here it becomes the HTML 404 page. */
    private void sendPage(ServerRequest req, ServerResponse res, String what, java.util.function.Supplier<UUID> id,
                          Function<UUID, Optional<SharePage.Card>> card) {
        res.header(ContentSecurityPolicy.HEADER, contentSecurityPolicy);
        try {
            UUID found = id.get();
            PublicRead.Rendered rendered = pages.rendered(req, what, found, null, () -> PublicRead.Rendered.html(
                    page.render(card.apply(found).orElseThrow(ApiException::videoNotFound))));
            PublicRead.send(req, res, rendered, SHARED);
        } catch (ApiException missing) {
            res.status(Status.NOT_FOUND_404).header(HeaderNames.CACHE_CONTROL, NOT_FOUND_SHARED)
                    .header(HeaderNames.CONTENT_TYPE, notFound.contentType()).send(notFound.body());
        }
    }

    private SharePage.Card videoCard(VideoProfile video) {
        String url = siteUrl + "/v/" + video.videoId();
        return new SharePage.Card("video.other", video.title(),
                video.playerName() + " (" + video.city() + ") en ANB Rising Stars Showcase. Mira su jugada y vota.",
                url, video.posterUrl(), video.processedUrl(), oembedUrl(url));
    }

    private SharePage.Card playerCard(PlayerProfile player) {
        String url = siteUrl + "/jugador/" + player.playerId();
        return new SharePage.Card("profile", player.playerName() + " · " + player.city(),
                "Mira los videos de " + player.playerName() + " (" + player.city()
                        + ") y vota en ANB Rising Stars Showcase.",
                url, player.videos().getFirst().posterUrl(), null, oembedUrl(url));
    }

    private String oembedUrl(String pageUrl) {
        return siteUrl + "/oembed?format=json&url=" + URLEncoder.encode(pageUrl, StandardCharsets.UTF_8);
    }

    /**
     * oEmbed 1.0 (oembed.com): a video page is a {@code video} (its HTML a plain {@code <video>} of the broadcast
     * file), a player page a {@code link}; both with the poster as thumbnail. JSON only: {@code format=xml} is 501,
     * as the specification asks.
     */
    private void oembed(ServerRequest req, ServerResponse res) {
        String format = req.query().first("format").orElse("json");
        if (!format.equals("json")) {
            throw new ApiException(501, "Solo se ofrece el formato json.");
        }
        String url = req.query().first("url").map(String::strip).filter(u -> !u.isEmpty())
                .orElseThrow(() -> ApiException.badRequest("Falta el parámetro url."));
        Matcher shared = sharedPath(url).orElseThrow(() -> new ApiException(404,
                "Esa dirección no es de un video ni de un jugador del concurso."));
        UUID id = UUID.fromString(shared.group(2));
        Object answer = shared.group(1).equals("v")
                ? profiles.video(id, Optional.empty()).map(v -> OEmbed.of(v, siteUrl))
                        .orElseThrow(ApiException::videoNotFound)
                : profiles.player(id, Optional.empty()).map(p -> OEmbed.of(p, siteUrl))
                        .orElseThrow(PathIds::playerNotFound);
        PublicRead.send(req, res, PublicRead.Rendered.of(answer), SHARED);
    }

    /** The page a URL names, if it is one of ours: our site's host (http or https), a video or a player path. */
    private Optional<Matcher> sharedPath(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getPath() == null
                    || !siteAuthority.equalsIgnoreCase(uri.getAuthority())) {
                return Optional.empty();
            }
            Matcher matcher = SHARED_PATH.matcher(uri.getPath());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            UUID.fromString(matcher.group(2)); // 36 characters of hex and dashes may still not be an id
            return Optional.of(matcher);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
