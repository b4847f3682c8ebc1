package org.anb.showcase.infra.edge;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the site is laid out in its bucket: versions follow content, index.html follows the version. */
class SiteFilesTest {
    @TempDir
    Path site;

    @Test
    void anyChangeToAnyFileMakesANewVersionAndIndexPointsAtIt() throws IOException {
        write("index.html", "<script type=\"module\" src=\"/assets/app.js\"></script><link href=\"/assets/s.css\">");
        write("assets/app.js", "import './pages/a.js';");
        write("assets/pages/a.js", "export const a = 1;");
        write("assets/s.css", "body {}");
        SiteFiles before = SiteFiles.read(site);
        assertThat(before.version()).matches("[0-9a-f]{12}").isEqualTo(SiteFiles.read(site).version());
        assertThat(text(before, "index.html")).isEqualTo("<script type=\"module\" src=\"/assets/" + before.version()
                + "/app.js\"></script><link href=\"/assets/" + before.version() + "/s.css\">");

        write("assets/pages/a.js", "export const a = 2;");
        SiteFiles after = SiteFiles.read(site);
        assertThat(after.version()).isNotEqualTo(before.version());
        assertThat(after.files()).extracting(SiteFiles.SiteFile::key).contains("assets/" + after.version() + "/pages/a.js");
    }

    @Test
    void typesAndCachingFollowTheFile() throws IOException {
        write("index.html", "<p>hola</p>");
        write("assets/logo.svg", "<svg/>");
        SiteFiles files = SiteFiles.read(site);
        var index = files.files().stream().filter(f -> f.key().equals("index.html")).findFirst().orElseThrow();
        assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(index.cacheControl()).isEqualTo(SiteFiles.NEVER_CACHED);
        var logo = files.files().stream().filter(f -> f.key().endsWith("logo.svg")).findFirst().orElseThrow();
        assertThat(logo.contentType()).isEqualTo("image/svg+xml");
        assertThat(logo.cacheControl()).isEqualTo(SiteFiles.CACHED_FOR_A_YEAR);
        assertThat(logo.isText()).isTrue();
    }

    @Test
    void aSiteWithoutIndexAFileOutsideAssetsOrAnUnknownTypeIsRefused() throws IOException {
        assertThatThrownBy(() -> SiteFiles.read(site)).hasMessageContaining("index.html");
        write("index.html", "<p>hola</p>");
        write("robots.txt", "User-agent: *");
        assertThatThrownBy(() -> SiteFiles.read(site)).hasMessageContaining("robots.txt");
        Files.delete(site.resolve("robots.txt"));
        write("assets/data.bin", "?");
        assertThatThrownBy(() -> SiteFiles.read(site)).hasMessageContaining(".bin");
    }

    private void write(String relative, String content) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String text(SiteFiles files, String key) {
        return files.files().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().text();
    }
}
