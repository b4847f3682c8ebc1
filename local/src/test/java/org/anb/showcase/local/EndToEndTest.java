package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Multipart;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.TestPlatform;
import org.anb.showcase.local.support.TestWorkers;
import org.anb.showcase.worker.WorkerService;
import org.anb.showcase.worker.observe.WorkerMetrics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole story, through the API only: upload, processed by the worker by itself, shown, voted, ranked. */
class EndToEndTest {
    @TempDir
    static Path workDir;
    static WorkerService worker;

    private final ApiClient api = TestPlatform.api();

    @BeforeAll
    static void startWorker() {
        worker = TestWorkers.start(workDir, Map.of());
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
    }

    @Test
    void anUploadIsProcessedPublishedVotedAndRanked() throws Exception {
        String city = "E2E-" + UUID.randomUUID();
        Player player = api.newPlayer("Sofía", city);
        Reply upload = api.upload(player.token(), Multipart.builder()
                .file("video_file", TestWorkers.realClip()).field("title", "Mi mejor jugada"));
        assertThat(upload.status()).as(upload.raw()).isEqualTo(201);
        UUID videoId = UUID.fromString(upload.body().path("video_id").asText());

        TestWorkers.await(Duration.ofMinutes(3), "the video to be processed",
                () -> !"uploaded".equals(status(player, videoId)) && !"processing".equals(status(player, videoId)));
        JsonNode detail = api.get("/api/videos/" + videoId, player.token()).body();
        assertThat(detail.path("status").asText()).as(detail.toString()).isEqualTo("processed");
        assertThat(detail.path("processed_at").isNull()).isFalse();
        assertThat(detail.path("published").asBoolean()).isTrue();

        HttpResponse<byte[]> media = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(detail.path("processed_url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(new String(media.body(), 4, 4)).as("an MP4 a browser can play").isEqualTo("ftyp");

        JsonNode gallery = api.get("/api/public/videos?city=" + city, null).body();
        assertThat(gallery).hasSize(1);
        assertThat(gallery.get(0).path("video_id").asText()).isEqualTo(videoId.toString());
        HttpResponse<byte[]> poster = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(gallery.get(0).path("poster_url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.body()).as("a JPEG the gallery shows before playing").startsWith(0xFF, 0xD8, 0xFF);
        BufferedImage still = ImageIO.read(new ByteArrayInputStream(poster.body()));
        assertThat(new int[] {still.getWidth(), still.getHeight()}).as("sized for link previews (≥ 1200 wide, 16:9)")
                .containsExactly(1280, 720);
        Document sharePage = Jsoup.parse(api.get("/v/" + videoId, null).raw());
        assertThat(sharePage.select("meta[property=og:image]").attr("content"))
                .isEqualTo(gallery.get(0).path("poster_url").asText());

        Player fan = api.newPlayer("Cali");
        assertThat(api.post("/api/public/videos/" + videoId + "/vote", fan.token(), null).status()).isEqualTo(200);
        JsonNode ranking = api.get("/api/public/rankings?city=" + city, null).body();
        assertThat(ranking.get(0).path("username").asText()).isEqualTo("Sofía Prueba");
        assertThat(ranking.get(0).path("votes").asInt()).isEqualTo(1);
        assertThat(ranking.get(0).path("position").asInt()).isEqualTo(1);
    }

    @Test
    void anOwnerWhoOptedOutFindsItProcessedButUnpublishedUntilTheyPublishIt() {
        String city = "E2E-" + UUID.randomUUID();
        Player player = api.newPlayer(city);
        Reply upload = api.upload(player.token(), Multipart.builder().file("video_file", TestWorkers.realClip())
                .field("title", "para después").field("publish", "false"));
        UUID videoId = UUID.fromString(upload.body().path("video_id").asText());

        TestWorkers.await(Duration.ofMinutes(3), "the video to be processed",
                () -> "processed".equals(status(player, videoId)));
        assertThat(api.get("/api/videos/" + videoId, player.token()).body().path("published").asBoolean()).isFalse();
        assertThat(api.get("/api/public/videos?city=" + city, null).body()).isEmpty();

        assertThat(api.post("/api/videos/" + videoId + "/publish", player.token(), null).status()).isEqualTo(200);
        assertThat(api.get("/api/public/videos?city=" + city, null).body()).hasSize(1);
    }

    @Test
    void aFileThatIsNotReallyAVideoEndsFailedWithAReasonItsOwnerCanRead() {
        WorkerMetrics outcomes = new WorkerMetrics(); // the JVM's meters: the in-process worker's counts
        long rejectedBefore = outcomes.count("rejected");
        Player player = api.newPlayer("Cali");
        UUID videoId = api.uploadSample(player, "sólo la cabecera");

        TestWorkers.await(Duration.ofMinutes(1), "the video to fail", () -> "failed".equals(status(player, videoId)));
        assertThat(api.get("/api/videos/" + videoId, player.token()).body().path("failure_reason").asText())
                .as("the probe's reason, not the dead-letter queue's after 5 attempts")
                .startsWith("El archivo").doesNotContain("Exception");
        assertThat(outcomes.count("rejected")).as("refused at its first attempt").isGreaterThan(rejectedBefore);
    }

    private String status(Player player, UUID videoId) {
        return api.get("/api/videos/" + videoId, player.token()).body().path("status").asText();
    }
}
