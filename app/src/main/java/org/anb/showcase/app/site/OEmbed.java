package org.anb.showcase.app.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.anb.showcase.app.gallery.PublicProfiles.PlayerProfile;
import org.anb.showcase.app.gallery.PublicProfiles.VideoProfile;
import org.owasp.encoder.Encode;

/** An oEmbed 1.0 answer (oembed.com, section 2.3.4), in the field names the specification uses. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OEmbed(String version, String type, String providerName, String providerUrl, String title,
              String authorName, String authorUrl, String thumbnailUrl, Integer thumbnailWidth,
              Integer thumbnailHeight, String html, Integer width, Integer height) {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;

    static OEmbed of(VideoProfile video, String siteUrl) {
        String html = "<video controls playsinline preload=\"none\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
                + "\" poster=\"" + Encode.forHtmlAttribute(video.posterUrl()) + "\" src=\""
                + Encode.forHtmlAttribute(video.processedUrl()) + "\" title=\""
                + Encode.forHtmlAttribute(video.title()) + "\"></video>";
        return new OEmbed("1.0", "video", SharePage.SITE_NAME, siteUrl, video.title(), video.playerName(),
                siteUrl + "/jugador/" + video.playerId(), video.posterUrl(), WIDTH, HEIGHT, html, WIDTH, HEIGHT);
    }

    static OEmbed of(PlayerProfile player, String siteUrl) {
        return new OEmbed("1.0", "link", SharePage.SITE_NAME, siteUrl, player.playerName() + " · " + player.city(),
                player.playerName(), siteUrl + "/jugador/" + player.playerId(), player.videos().getFirst().posterUrl(),
                WIDTH, HEIGHT, null, null, null);
    }
}
