package org.anb.showcase.app.site;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.encoder.Encode;

/**
 * The site's index.html with a link preview in its head: a chat app's crawler runs no JavaScript, so the title,
 * description and picture a shared link shows must be in the HTML the server sends; the browser app then draws the
 * page as usual. Everything that comes from people (titles, names, cities) is escaped for an HTML attribute or text.
 */
final class SharePage {
    private static final Pattern TITLE = Pattern.compile("<title>[^<]*</title>\\n?");
    private static final Pattern DESCRIPTION = Pattern.compile("\\s*<meta name=\"description\" content=\"[^\"]*\">");
    static final String SITE_NAME = "ANB Rising Stars Showcase";

    private final String beforeTitle;
    private final String afterTitle;

    /** Splits the page where its title is, once; fails at start-up if the site's page changed shape. */
    SharePage(String indexHtml) {
        String page = DESCRIPTION.matcher(indexHtml).replaceFirst("");
        Matcher title = TITLE.matcher(page);
        if (!title.find() || page.equals(indexHtml)) {
            throw new IllegalStateException("index.html has no <title> or no <meta name=\"description\">");
        }
        this.beforeTitle = page.substring(0, title.start());
        this.afterTitle = page.substring(title.end());
    }

    /**
     * What a preview shows. {@code video} is the playable MP4 (null for a player's page); the image is 1280×720, as
     * the worker writes every poster.
     */
    record Card(String type, String title, String description, String pageUrl, String imageUrl, String video,
                String oembedUrl) {
    }

    String render(Card card) {
        StringBuilder head = new StringBuilder(2048)
                .append("<title>").append(Encode.forHtml(card.title())).append(" · ANB Rising Stars</title>\n");
        meta(head, "name", "description", card.description());
        head.append("  <link rel=\"canonical\" href=\"").append(Encode.forHtmlAttribute(card.pageUrl())).append("\">\n");
        meta(head, "property", "og:site_name", SITE_NAME);
        meta(head, "property", "og:locale", "es_CO");
        meta(head, "property", "og:type", card.type());
        meta(head, "property", "og:title", card.title());
        meta(head, "property", "og:description", card.description());
        meta(head, "property", "og:url", card.pageUrl());
        if (card.imageUrl() != null) {
            meta(head, "property", "og:image", card.imageUrl());
            meta(head, "property", "og:image:width", "1280");
            meta(head, "property", "og:image:height", "720");
            meta(head, "property", "og:image:alt", card.title());
        }
        if (card.video() != null) {
            meta(head, "property", "og:video", card.video());
            meta(head, "property", "og:video:type", "video/mp4");
            meta(head, "property", "og:video:width", "1280");
            meta(head, "property", "og:video:height", "720");
        }
        meta(head, "name", "twitter:card", "summary_large_image");
        meta(head, "name", "twitter:title", card.title());
        meta(head, "name", "twitter:description", card.description());
        if (card.imageUrl() != null) {
            meta(head, "name", "twitter:image", card.imageUrl());
        }
        head.append("  <link rel=\"alternate\" type=\"application/json+oembed\" href=\"")
                .append(Encode.forHtmlAttribute(card.oembedUrl())).append("\" title=\"")
                .append(Encode.forHtmlAttribute(card.title())).append("\">\n");
        return beforeTitle + head + afterTitle;
    }

    /** The page for an id that shows nothing (unknown, unpublished, disqualified): the app says so; robots skip it. */
    String notFound() {
        return beforeTitle + "<title>No encontrado · ANB Rising Stars</title>\n"
                + "  <meta name=\"robots\" content=\"noindex\">\n" + afterTitle;
    }

    private static void meta(StringBuilder head, String attribute, String name, String content) {
        head.append("  <meta ").append(attribute).append("=\"").append(name).append("\" content=\"")
                .append(Encode.forHtmlAttribute(content)).append("\">\n");
    }
}
