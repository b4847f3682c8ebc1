package org.anb.showcase.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared pages are bounded by bytes, not by count: a client asking for every city and page cannot make an
 * instance keep them all. A real server renders 1 KB pages through {@link PublicPages} with room for about ten.
 */
class PublicPagesTest {
    private static final int PAGES = 100;
    private static final AtomicInteger renders = new AtomicInteger();
    private static WebServer server;

    @BeforeAll
    static void start() {
        PublicPages pages = new PublicPages(Duration.ofMinutes(5), 10 * 1024);
        server = WebServer.builder().port(0).routing(routing -> routing.get("/page/{n}", (req, res) -> {
            String n = req.path().pathParameters().get("n");
            PublicRead.send(req, res, pages.rendered(req, "page", n, new Paging(1, 20), () -> {
                renders.incrementAndGet();
                return PublicRead.Rendered.of(Map.of("page", n, "padding", "x".repeat(1024)));
            }), 60);
        })).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void pagesPastTheBoundAreDroppedAndRenderedAgainWhenAskedFor() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int round = 0; round < 2; round++) {
            for (int page = 0; page < PAGES; page++) {
                HttpResponse<String> reply = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.port() + "/page/" + page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(reply.statusCode()).isEqualTo(200);
            }
        }
        assertThat(renders.get()).as("a second round finds at most the last ten or so pages kept")
                .isGreaterThan(PAGES + PAGES * 3 / 4);
    }
}
