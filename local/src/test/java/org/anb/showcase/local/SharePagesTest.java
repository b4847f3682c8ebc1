package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.TestPlatform;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The links fans share, read as a chat app's link-preview crawler reads them: the first HTML the server sends,
 * parsed, no JavaScript run. And oEmbed, as a site embedding the link asks for it.
 */
class SharePagesTest {
    private final ApiClient api = TestPlatform.api();
    @RegisterExtension
    final Contest contest = new Contest(api);

    @Test
    void aPublishedVideosPageCarriesItsPreviewInTheInitialHtml() {
        Player player = api.newPlayer("Josefina", "Cali");
        UUID video = contest.publishedVideo(player, "Triple sobre la bocina");

        Reply page = api.get("/v/" + video, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        Document html = Jsoup.parse(page.raw());
        assertThat(property(html, "og:title")).isEqualTo("Triple sobre la bocina");
        assertThat(property(html, "og:type")).isEqualTo("video.other");
        assertThat(property(html, "og:description")).contains("Josefina Prueba", "Cali");
        assertThat(property(html, "og:url")).startsWith("http://localhost:").endsWith("/v/" + video);
        assertThat(property(html, "og:image")).as("absolute, the poster the worker made")
                .startsWith("http://").contains("processed/" + video + ".jpg");
        assertThat(property(html, "og:image:width")).isEqualTo("1280");
        assertThat(property(html, "og:video")).contains("processed/" + video + ".mp4");
        assertThat(named(html, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(html.title()).isEqualTo("Triple sobre la bocina · ANB Rising Stars");
        assertThat(html.select("link[rel=alternate][type=application/json+oembed]").attr("href"))
                .contains("/oembed?format=json&url=" + URLEncoder.encode(property(html, "og:url"), StandardCharsets.UTF_8));
        assertThat(html.select("script[src=/assets/app.js]")).as("the browser app then takes over").hasSize(1);
        assertThat(html.select("meta[name=description]")).as("the site's own description is replaced").hasSize(1);
    }

    @Test
    void aPlayersPageShowsTheirNameCityAndNewestPoster() {
        Player player = api.newPlayer("Mateo", "Medellín");
        contest.publishedVideo(player, "primera");
        UUID newest = contest.publishedVideo(player, "segunda");

        Document html = Jsoup.parse(api.get("/jugador/" + player.id(), null).raw());
        assertThat(property(html, "og:title")).isEqualTo("Mateo Prueba · Medellín");
        assertThat(property(html, "og:type")).isEqualTo("profile");
        assertThat(property(html, "og:url")).endsWith("/jugador/" + player.id());
        assertThat(property(html, "og:image")).contains("processed/" + newest + ".jpg");
        assertThat(named(html, "twitter:card")).isEqualTo("summary_large_image");
    }

    @Test
    void aHostileTitleIsTextInTheTagsNeverMarkup() {
        Player player = api.newPlayer("Hacker", "Cali");
        String hostile = "\"><script>alert('x')</script><meta property=\"og:title\" content=\"falso";
        UUID video = contest.publishedVideo(player, hostile);

        Reply page = api.get("/v/" + video, null);
        assertThat(page.raw()).doesNotContain("<script>alert");
        Document html = Jsoup.parse(page.raw());
        assertThat(html.select("meta[property=og:title]")).hasSize(1);
        assertThat(property(html, "og:title")).isEqualTo(hostile);
        assertThat(html.select("script")).allSatisfy(script -> assertThat(script.data()).doesNotContain("alert"));
        assertThat(html.title()).isEqualTo(hostile + " · ANB Rising Stars");
    }

    @Test
    void unknownUnpublishedAndDisqualifiedVideosAndPlayersWithoutVideosAre404Pages() {
        Player player = api.newPlayer("Nadie", "Cali");
        UUID unprocessed = api.uploadSample(player, "aún procesando");
        Player owner = api.newPlayer("Descalificado", "Cali");
        UUID disqualified = contest.publishedVideo(owner, "robado");
        assertThat(api.get("/v/" + disqualified, null).status()).isEqualTo(200);
        assertThat(api.post("/api/admin/videos/" + disqualified + "/disqualify", contest.moderator().token(),
                Map.of("reason", "video de otro jugador")).status()).isEqualTo(200);

        for (String path : List.of("/v/" + UUID.randomUUID(), "/v/no-es-un-id", "/v/" + unprocessed,
                "/v/" + disqualified, "/jugador/" + UUID.randomUUID(), "/jugador/" + player.id(),
                "/jugador/" + owner.id())) {
            Reply page = api.get(path, null);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            Document html = Jsoup.parse(page.raw());
            assertThat(html.select("meta[property^=og:]")).as(path).isEmpty();
            assertThat(named(html, "robots")).isEqualTo("noindex");
        }
        for (String path : List.of("/api/public/videos/" + unprocessed, "/api/public/videos/" + disqualified,
                "/api/public/players/" + player.id(), "/api/public/players/no-es-un-id")) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void oembedDescribesAVideoAndAPlayerAndRefusesWhatIsNotOurs() {
        Player player = api.newPlayer("Lucía", "Bogotá");
        UUID video = contest.publishedVideo(player, "Bloqueo <épico>");
        String pageUrl = property(Jsoup.parse(api.get("/v/" + video, null).raw()), "og:url");

        Reply answer = api.get("/oembed?url=" + URLEncoder.encode(pageUrl, StandardCharsets.UTF_8), null);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode oembed = answer.body();
        assertThat(oembed.path("version").asText()).isEqualTo("1.0");
        assertThat(oembed.path("type").asText()).isEqualTo("video");
        assertThat(oembed.path("title").asText()).isEqualTo("Bloqueo <épico>");
        assertThat(oembed.path("author_name").asText()).isEqualTo("Lucía Prueba");
        assertThat(oembed.path("author_url").asText()).endsWith("/jugador/" + player.id());
        assertThat(oembed.path("thumbnail_url").asText()).contains("processed/" + video + ".jpg");
        assertThat(oembed.path("thumbnail_width").asInt()).isEqualTo(1280);
        assertThat(oembed.path("width").asInt()).isEqualTo(1280);
        assertThat(Jsoup.parse(oembed.path("html").asText()).select("video").attr("src"))
                .contains("processed/" + video + ".mp4");
        assertThat(oembed.path("html").asText()).doesNotContain("<épico>");

        String playerUrl = pageUrl.replace("/v/" + video, "/jugador/" + player.id());
        JsonNode link = api.get("/oembed?format=json&url=" + URLEncoder.encode(playerUrl, StandardCharsets.UTF_8), null)
                .body();
        assertThat(link.path("type").asText()).isEqualTo("link");
        assertThat(link.has("html")).isFalse();

        assertThat(api.get("/oembed", null).status()).isEqualTo(400);
        assertThat(api.get("/oembed?url=" + URLEncoder.encode(pageUrl, StandardCharsets.UTF_8) + "&format=xml", null)
                .status()).isEqualTo(501);
        for (String foreign : List.of("https://example.com/watch?v=1", "https://example.com/v/" + video,
                "ftp://x/v/" + video, "no es una url ::",
                pageUrl.replace("/v/" + video, "/v/" + UUID.randomUUID()))) {
            Reply refused = api.get("/oembed?url=" + URLEncoder.encode(foreign, StandardCharsets.UTF_8), null);
            assertThat(refused.status()).as(foreign).isEqualTo(404);
            assertThat(refused.message()).isNotBlank();
        }
    }

    private static String property(Document html, String property) {
        return html.select("meta[property=" + property + "]").attr("content");
    }

    private static String named(Document html, String name) {
        return html.select("meta[name=" + name + "]").attr("content");
    }
}
