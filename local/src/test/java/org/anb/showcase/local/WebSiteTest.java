package org.anb.showcase.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local mode serves the browser front end beside the API: page paths fall back to index.html (the app's router
 * draws them), files keep their types, the API keeps its JSON 404s, and the S3 server lets the site's origin — and
 * only it — POST a presigned upload from the browser.
 */
class WebSiteTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path SITE = Path.of("..", "web", "site");

    private final ApiClient api = TestPlatform.api();

    @Test
    void theRootAndEveryPagePathAnswerTheAppShell() {
        for (String page : new String[] {"/", "/ranking", "/mis-videos", "/ingresar?next=/mis-videos"}) {
            Reply reply = api.send(api.request(page, null).build());
            assertThat(reply.status()).as(page).isEqualTo(200);
            assertThat(reply.raw()).as(page).contains("<main id=\"main\"", "/assets/app.js");
        }
    }

    @Test
    void theShellPreloadsEveryFansModuleSoTheyLoadInParallelAndNoStaffModule() throws IOException {
        String shell = api.send(api.request("/", null).build()).raw();
        List<String> modules;
        try (Stream<Path> files = Files.walk(SITE.resolve("assets"))) {
            modules = files.map(path -> "/" + SITE.relativize(path).toString().replace('\\', '/'))
                    .filter(path -> path.endsWith(".js") && !path.equals("/assets/app.js")).toList();
        }
        List<String> staff = modules.stream().filter(module -> module.startsWith("/assets/pages/staff/")).toList();
        assertThat(staff).as("the staff pages' modules").isNotEmpty().allSatisfy(module ->
                assertThat(shell).as("index.html leaves " + module + " to staff").doesNotContain(module));
        // ALTCHA's widget and worker load only while the edition asks for the sign-up challenge.
        List<String> onDemand = modules.stream().filter(module -> module.startsWith("/assets/vendor/")).toList();
        assertThat(modules).isNotEmpty().filteredOn(module -> !staff.contains(module) && !onDemand.contains(module))
                .allSatisfy(module ->
                assertThat(shell).as("index.html preloads " + module).contains("rel=\"modulepreload\" href=\"" + module + "\""));
    }

    @Test
    void assetsAreServedWithTheirTypes() throws Exception {
        assertThat(contentType("/assets/app.js")).contains("javascript");
        assertThat(contentType("/assets/styles.css")).startsWith("text/css");
        assertThat(contentType("/assets/logo.svg")).startsWith("image/svg+xml");
    }

    @Test
    void unknownApiRoutesAndMissingFilesStayJson404s() {
        for (String path : new String[] {"/api/nothing-here", "/api", "/assets/missing.js"}) {
            Reply reply = api.send(api.request(path, null).build());
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body().path("message").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void everyPageNarrowsItsPolicyToTheOneStorageServerItUsesAndForbidsFraming() {
        String storage = TestPlatform.platform().config().get("storage.endpoint").asString().get();
        for (String path : List.of("/", "/ranking", "/assets/app.js")) {
            String policy = api.get(path, null).headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).as(path).contains("connect-src 'self' " + storage + ";", "frame-ancestors 'none'")
                    .doesNotContain("*.amazonaws.com", "localhost:*");
        }
    }

    @Test
    void theObjectStoreAdmitsBrowserUploadsFromTheSiteOriginOnly() throws Exception {
        String siteOrigin = TestPlatform.platform().apiUrl();
        String bucketUrl = TestPlatform.platform().config().get("storage.endpoint").asString().get() + "/anb-media";

        var allowed = preflight(bucketUrl, siteOrigin);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(siteOrigin);

        var foreign = preflight(bucketUrl, "http://evil.example");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private String contentType(String path) throws Exception {
        var response = HTTP.send(api.request(path, null).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static HttpResponse<Void> preflight(String url, String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
