package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Multipart;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.QueueProbe;
import org.anb.showcase.local.support.SampleVideos;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

class VideoApiTest {
    private final ApiClient api = TestPlatform.api();

    @Test
    void uploadStoresTheOriginalWritesTheRowAndEnqueuesTheJobBeforeAnswering() {
        Player player = api.newPlayer("Medellín");
        Reply reply = api.upload(player.token(), Multipart.builder()
                .file("video_file", SampleVideos.smallMp4()).field("title", "Triple desde media cancha"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.message()).isEqualTo("Video subido correctamente. Procesamiento en curso.");
        assertThat(reply.body().path("task_id").asText()).isNotBlank();
        UUID videoId = UUID.fromString(reply.body().path("video_id").asText());
        assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE id = ? AND status = 'uploaded'",
                videoId)).isEqualTo(1);
        assertThat(TestPlatform.store().size(ObjectKeys.original(player.id(), videoId)))
                .contains((long) SampleVideos.smallMp4().length);
        assertThat(QueueProbe.jobArrivesFor(videoId, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void uploadRefusesMissingPartsNonMp4FilesAndBadTitles() {
        Player player = api.newPlayer("Cali");
        byte[] notMp4 = "<html>this is not a video</html>".repeat(100).getBytes();

        assertRefused(api.upload(player.token(), Multipart.builder().field("title", "sin archivo")), "video_file");
        assertRefused(api.upload(player.token(), Multipart.builder().file("video_file", SampleVideos.smallMp4())), "title");
        assertRefused(api.upload(player.token(), Multipart.builder().file("video_file", notMp4).field("title", "x")),
                "video_file");
        assertRefused(api.upload(player.token(), Multipart.builder().file("video_file", new byte[0]).field("title", "x")),
                "video_file");
        assertRefused(api.upload(player.token(), Multipart.builder().file("video_file", SampleVideos.smallMp4())
                .field("title", "t".repeat(201))), "title");
        for (String start : List.of("-1", "dieciocho", "18.0001", "99999")) {
            assertRefused(api.upload(player.token(), Multipart.builder().file("video_file", SampleVideos.smallMp4())
                    .field("title", "x").field("start_seconds", start)), "start_seconds");
        }
        assertThat(api.postRaw("/api/videos/upload", player.token(), "{}").status()).isEqualTo(400);

        assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE owner_id = ?", player.id()))
                .isZero();
        assertThat(api.upload(null, Multipart.builder().file("video_file", SampleVideos.smallMp4())
                .field("title", "x")).status()).isEqualTo(401);
    }

    @Test
    void myVideosSayWhereThePlayerStandsOncePublishedAndWhereTheBroadcastStarts() {
        String city = "Puestos-" + UUID.randomUUID();
        Player player = api.newPlayer(city);
        Reply uploaded = api.upload(player.token(), Multipart.builder().file("video_file", SampleVideos.smallMp4())
                .field("title", "publicado").field("start_seconds", "18,5"));
        UUID published = UUID.fromString(uploaded.body().path("video_id").asText());
        TestPlatform.database().markProcessed(published);
        api.uploadSample(player, "en cola");
        Player fan = api.newPlayer("Cali");
        api.post("/api/public/videos/" + published + "/vote", fan.token(), null);

        JsonNode list = api.get("/api/videos", player.token()).body();
        JsonNode first = list.get(0);
        assertThat(first.path("votes").asLong()).isEqualTo(1);
        assertThat(first.path("held_votes").asLong()).isZero();
        assertThat(first.path("city_rank").asLong()).isEqualTo(1);
        assertThat(first.path("rank").asLong()).isEqualTo(api.get("/api/public/videos/" + published, null).body()
                .path("rank").asLong());
        assertThat(first.path("start_seconds").decimalValue()).isEqualByComparingTo("18.5");
        JsonNode queued = list.get(1);
        assertThat(queued.path("rank").isNull()).as("null until published").isTrue();
        assertThat(queued.path("city_rank").isNull()).isTrue();
        assertThat(queued.path("start_seconds").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void myVideosListsOnlyMineOldestFirst() {
        Player player = api.newPlayer("Cali");
        Player other = api.newPlayer("Cali");
        UUID first = api.uploadSample(player, "primero");
        UUID second = api.uploadSample(player, "segundo");
        api.uploadSample(other, "ajeno");

        JsonNode list = api.get("/api/videos", player.token()).body();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("video_id").asText()).isEqualTo(first.toString());
        assertThat(list.get(1).path("video_id").asText()).isEqualTo(second.toString());
        assertThat(list.get(0).path("status").asText()).isEqualTo("uploaded");
        assertThat(list.get(0).path("processed_url").isNull()).isTrue();
        assertThat(list.get(0).path("processed_at").isNull()).isTrue();
    }

    @Test
    void detailShowsTheVideoToItsOwnerOnly() {
        Player owner = api.newPlayer("Cali");
        Player stranger = api.newPlayer("Cali");
        UUID videoId = api.uploadSample(owner, "mi video");

        Reply detail = api.get("/api/videos/" + videoId, owner.token());
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().path("title").asText()).isEqualTo("mi video");
        assertThat(detail.body().path("original_url").asText()).startsWith("http");
        assertThat(detail.body().path("votes").asInt()).isZero();
        assertThat(detail.body().has("processed_url")).isTrue();

        assertThat(api.get("/api/videos/" + videoId, stranger.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/videos/" + UUID.randomUUID(), owner.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/videos/not-a-uuid", owner.token()).status()).isEqualTo(404);
    }

    @Test
    void deleteRemovesTheRowAndTheFilesButOnlyForTheOwnerAndNotOnceVotedFor() {
        Player owner = api.newPlayer("Cali");
        Player stranger = api.newPlayer("Cali");
        UUID videoId = api.uploadSample(owner, "para borrar");
        String key = ObjectKeys.original(owner.id(), videoId);

        assertThat(api.delete("/api/videos/" + videoId, stranger.token()).status()).isEqualTo(403);
        assertThat(api.delete("/api/videos/" + UUID.randomUUID(), owner.token()).status()).isEqualTo(404);

        Reply deleted = api.delete("/api/videos/" + videoId, owner.token());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.message()).isEqualTo("El video ha sido eliminado exitosamente.");
        assertThat(deleted.body().path("video_id").asText()).isEqualTo(videoId.toString());
        assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE id = ?", videoId)).isZero();
        assertThat(TestPlatform.store().size(key)).isEmpty();

        UUID published = api.uploadSample(owner, "publicado");
        TestPlatform.database().markProcessed(published);
        assertThat(api.post("/api/public/videos/" + published + "/vote", stranger.token(), null).status())
                .isEqualTo(200);
        Reply refused = api.delete("/api/videos/" + published, owner.token());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("El video no puede eliminarse porque ya tiene votos.");
        assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE id = ?", published)).isEqualTo(1);
    }

    @Test
    void publishingNeedsTheOwnerAndAProcessedVideo() {
        Player owner = api.newPlayer("Cali");
        Player stranger = api.newPlayer("Cali");
        Reply upload = api.upload(owner.token(), Multipart.builder().file("video_file", SampleVideos.smallMp4())
                .field("title", "guardado").field("publish", "false"));
        UUID videoId = UUID.fromString(upload.body().path("video_id").asText());

        assertThat(api.post("/api/videos/" + videoId + "/publish", owner.token(), null).status()).isEqualTo(400);
        TestPlatform.database().markProcessed(videoId);
        assertThat(api.get("/api/videos/" + videoId, owner.token()).body().path("published").asBoolean()).isFalse();

        assertThat(api.post("/api/videos/" + videoId + "/publish", stranger.token(), null).status()).isEqualTo(403);
        assertThat(api.post("/api/videos/" + UUID.randomUUID() + "/publish", owner.token(), null).status()).isEqualTo(404);
        Reply published = api.post("/api/videos/" + videoId + "/publish", owner.token(), null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(api.get("/api/videos/" + videoId, owner.token()).body().path("published").asBoolean()).isTrue();
        assertThat(api.post("/api/videos/" + videoId + "/publish", owner.token(), null).status())
                .as("publishing twice is harmless").isEqualTo(200);
    }

    private static void assertRefused(Reply reply, String field) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.body().path("errors").has(field)).as(reply.raw()).isTrue();
    }
}
