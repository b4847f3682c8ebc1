package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.core.storage.MultipartObjectWriter;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Multipart;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.QueueProbe;
import org.anb.showcase.local.support.SampleVideos;
import org.anb.showcase.local.support.TestPlatform;
import org.anb.showcase.local.support.TestWorkers;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The presigned-POST path: the bytes go to the S3 server directly, the API checks and registers them. */
class DirectUploadTest {
    private final ApiClient api = TestPlatform.api();

    @Test
    void presignUploadToS3AndCompleteRegistersTheVideoAndEnqueuesIt() {
        Player player = api.newPlayer("Barranquilla");
        JsonNode ticket = startUpload(player);
        UUID videoId = UUID.fromString(ticket.path("video_id").asText());
        assertThat(ticket.path("max_bytes").asLong()).isEqualTo(100L * 1024 * 1024);
        assertThat(ticket.path("fields").path("key").asText()).isEqualTo(ObjectKeys.incoming(player.id(), videoId));
        assertThat(ticket.path("fields").path("Content-Type").asText()).isEqualTo("video/mp4");

        assertThat(postToS3(ticket, SampleVideos.smallMp4()).status()).isBetween(200, 204);
        Reply completed = complete(player, videoId, "Clavada directa");
        assertThat(completed.status()).as(completed.raw()).isEqualTo(201);
        assertThat(completed.message()).isEqualTo("Video subido correctamente. Procesamiento en curso.");
        assertThat(completed.body().path("video_id").asText()).isEqualTo(videoId.toString());
        assertThat(api.get("/api/videos/" + videoId, player.token()).body().path("title").asText())
                .isEqualTo("Clavada directa");
        assertThat(QueueProbe.jobArrivesFor(videoId, Duration.ofSeconds(10))).isTrue();

        Reply again = complete(player, videoId, "otra vez");
        assertThat(again.status()).isEqualTo(409);
        assertThat(TestPlatform.store().size(ObjectKeys.incoming(player.id(), videoId))).as("staging emptied").isEmpty();
        assertThat(TestPlatform.store().size(ObjectKeys.original(player.id(), videoId))).isPresent();
    }

    @Test
    void theCompletionCarriesThePlayersChosenStartAndRefusesABadOne() {
        Player player = api.newPlayer("Pereira");
        JsonNode ticket = startUpload(player);
        UUID videoId = UUID.fromString(ticket.path("video_id").asText());
        postToS3(ticket, SampleVideos.smallMp4());
        String path = "/api/videos/uploads/" + videoId + "/complete";
        for (Object bad : List.of(-1, "dieciocho", true, 18.0001)) {
            Reply refused = api.post(path, player.token(), Map.of("title", "jugada", "start_seconds", bad));
            assertThat(refused.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(refused.body().path("errors").has("start_seconds")).as(refused.raw()).isTrue();
        }
        Reply completed = api.post(path, player.token(), Map.of("title", "jugada", "start_seconds", 18.5));
        assertThat(completed.status()).as(completed.raw()).isEqualTo(201);
        assertThat(api.get("/api/videos/" + videoId, player.token()).body().path("start_seconds").decimalValue())
                .isEqualByComparingTo("18.5");
    }

    @RepeatedTest(5)
    void ofTwoCompletionsAtTheSameMomentExactlyOneWinsAndTheObjectSurvives() throws Exception {
        Player player = api.newPlayer("Cali");
        JsonNode ticket = startUpload(player);
        UUID videoId = UUID.fromString(ticket.path("video_id").asText());
        postToS3(ticket, SampleVideos.smallMp4());

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> completions = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2; i++) {
                completions.add(threads.submit(() -> {
                    start.await();
                    return complete(player, videoId, "a la vez");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> completion : completions) {
                statuses.add(completion.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }
        assertThat(TestPlatform.store().size(ObjectKeys.original(player.id(), videoId))).as("the object survives")
                .isPresent();
        assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE id = ?", videoId)).isOne();
    }

    @Test
    void aFormUsedAgainAfterCompletionCannotReplaceWhatIsProcessed() {
        Player player = api.newPlayer("Cali");
        JsonNode ticket = startUpload(player);
        UUID videoId = UUID.fromString(ticket.path("video_id").asText());
        byte[] checked = SampleVideos.smallMp4();
        postToS3(ticket, checked);
        assertThat(complete(player, videoId, "original").status()).isEqualTo(201);

        postToS3(ticket, "<html>swapped after the check</html>".repeat(10).getBytes());
        assertThat(TestPlatform.store().readPrefix(ObjectKeys.original(player.id(), videoId), 12))
                .as("the original the worker reads is still the checked one")
                .isEqualTo(java.util.Arrays.copyOf(checked, 12));
        assertThat(TestPlatform.store().size(ObjectKeys.original(player.id(), videoId))).hasValue((long) checked.length);
    }

    @Test
    void formsNeverCompletedAreSweptWithTheirObjectsAfterTheyExpire() {
        Player player = api.newPlayer("Cali");
        JsonNode ticket = startUpload(player);
        UUID videoId = UUID.fromString(ticket.path("video_id").asText());
        postToS3(ticket, SampleVideos.smallMp4());
        String staging = ObjectKeys.incoming(player.id(), videoId);
        assertThat(TestPlatform.store().size(staging)).isPresent();

        TestPlatform.database().update("UPDATE direct_uploads SET expires_at = now() - interval '2 minutes' "
                + "WHERE video_id = ?", videoId);
        TestWorkers.await(Duration.ofSeconds(20), "the sweeper to remove the expired form",
                () -> TestPlatform.store().size(staging).isEmpty());
        assertThat(TestPlatform.database().count("SELECT count(*) FROM direct_uploads WHERE video_id = ?", videoId))
                .isZero();
        assertThat(complete(player, videoId, "tarde").status()).isEqualTo(400);
    }

    @Test
    void aPlayerMayHoldOnlyAFewOpenFormsAndUploadOnlySoMuchADay() {
        Player player = api.newPlayer("Cali");
        for (int i = 0; i < 5; i++) {
            startUpload(player);
        }
        Reply sixth = api.post("/api/videos/uploads", player.token(), null);
        assertThat(sixth.status()).as(sixth.raw()).isEqualTo(429);
        assertThat(sixth.message()).contains("cargas sin completar");
        assertThat(sixth.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 900L);

        Player heavy = api.newPlayer("Cali");
        UUID first = api.uploadSample(heavy, "primera");
        TestPlatform.database().update("UPDATE videos SET original_bytes = 2000 * 1024 * 1024 WHERE id = ?", first);
        for (Reply refused : List.of(api.post("/api/videos/uploads", heavy.token(), null),
                api.upload(heavy.token(), Multipart.builder().file("video_file", SampleVideos.smallMp4())
                        .field("title", "otra")))) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(429);
            assertThat(refused.message()).contains("límite de carga de hoy");
            assertThat(refused.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 86_400L);
        }
    }

    @Test
    void completingWithoutAnUploadOrWithANonMp4IsRefusedAndLeavesNothing() {
        Player player = api.newPlayer("Cali");
        UUID never = UUID.fromString(startUpload(player).path("video_id").asText());
        assertThat(complete(player, never, "nada").status()).isEqualTo(400);

        JsonNode ticket = startUpload(player);
        UUID videoId = UUID.fromString(ticket.path("video_id").asText());
        postToS3(ticket, "definitely not a video".repeat(100).getBytes());
        Reply refused = complete(player, videoId, "texto");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").path("video_file").asText()).contains("MP4");
        assertThat(TestPlatform.store().size(ObjectKeys.original(player.id(), videoId))).isEmpty();
        assertThat(TestPlatform.store().size(ObjectKeys.incoming(player.id(), videoId))).isEmpty();
        assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE owner_id = ?", player.id())).isZero();
    }

    @Test
    void nobodyCanCompleteSomeoneElsesUpload() {
        Player owner = api.newPlayer("Cali");
        Player thief = api.newPlayer("Cali");
        JsonNode ticket = startUpload(owner);
        UUID videoId = UUID.fromString(ticket.path("video_id").asText());
        postToS3(ticket, SampleVideos.smallMp4());

        assertThat(complete(thief, videoId, "robado").status()).isEqualTo(400);
        assertThat(complete(owner, videoId, "mío").status()).isEqualTo(201);
    }

    @Test
    void theSignedPolicyRefusesAnotherKeyAndTheCompletionRefusesOversizedObjects(@TempDir Path dir) {
        Player player = api.newPlayer("Cali");
        JsonNode ticket = startUpload(player);
        UUID videoId = UUID.fromString(ticket.path("video_id").asText());

        Multipart forged = Multipart.builder();
        ticket.path("fields").fields().forEachRemaining(f -> forged.field(f.getKey(),
                f.getKey().equals("key") ? "processed/" + videoId + ".mp4" : f.getValue().asText()));
        forged.file("file", SampleVideos.smallMp4());
        assertThat(sendForm(ticket, forged).status()).isEqualTo(403);

        Multipart asHtml = Multipart.builder();
        ticket.path("fields").fields().forEachRemaining(f -> asHtml.field(f.getKey(),
                f.getKey().equals("Content-Type") ? "text/html" : f.getValue().asText()));
        asHtml.file("file", SampleVideos.smallMp4());
        assertThat(sendForm(ticket, asHtml).status()).as("the content type is pinned").isEqualTo(403);

        // Over the limit: written straight to the bucket, as a client ignoring the policy could only hope to.
        String key = ObjectKeys.incoming(player.id(), videoId);
        try (MultipartObjectWriter writer = TestPlatform.store().openWriter(key, "video/mp4")) {
            byte[] chunk = SampleVideos.smallMp4();
            for (long written = 0; written <= 100L * 1024 * 1024; written += chunk.length) {
                writer.write(chunk, 0, chunk.length);
            }
        }
        Reply refused = complete(player, videoId, "enorme");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(TestPlatform.store().size(key)).isEmpty();
        assertThat(TestPlatform.store().size(ObjectKeys.original(player.id(), videoId))).isEmpty();
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedBeforeAnyFormIsHeldAndTheFormAdmitsNoMoreThanWasDeclared() {
        Player player = api.newPlayer("Cali");
        for (int i = 0; i < 6; i++) { // more than the five open forms a player may hold: none of them was held
            Reply refused = api.post("/api/videos/uploads", player.token(), Map.of("bytes", 150L * 1024 * 1024));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.body().path("errors").path("video_file").asText())
                    .isEqualTo("El archivo pesa 150,0 MB; el máximo es 100 MB.");
        }
        Reply empty = api.post("/api/videos/uploads", player.token(), Map.of("bytes", 0));
        assertThat(empty.body().path("errors").path("video_file").asText()).isEqualTo("El archivo de video está vacío.");
        Reply garbage = api.post("/api/videos/uploads", player.token(), Map.of("bytes", "mucho"));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().path("errors").has("bytes")).isTrue();

        byte[] video = SampleVideos.smallMp4();
        Reply declared = api.post("/api/videos/uploads", player.token(), Map.of("bytes", video.length));
        assertThat(declared.status()).as(declared.raw()).isEqualTo(201);
        byte[] more = java.util.Arrays.copyOf(video, video.length + 1);
        assertThat(postToS3(declared.body(), more).status()).as("one byte over what was declared").isEqualTo(400);
        assertThat(postToS3(declared.body(), video).status()).isBetween(200, 204);
        UUID videoId = UUID.fromString(declared.body().path("video_id").asText());
        assertThat(complete(player, videoId, "Lo declarado").status()).isEqualTo(201);
    }

    private JsonNode startUpload(Player player) {
        Reply reply = api.post("/api/videos/uploads", player.token(), null);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.body();
    }

    private Reply postToS3(JsonNode ticket, byte[] content) {
        Multipart form = Multipart.builder();
        ticket.path("fields").fields().forEachRemaining(f -> form.field(f.getKey(), f.getValue().asText()));
        form.file(ticket.path("file_field").asText(), content);
        return sendForm(ticket, form);
    }

    private Reply sendForm(JsonNode ticket, Multipart form) {
        return api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ticket.path("upload_url").asText()))
                .header("Content-Type", form.contentType()).POST(form.publisher()).build());
    }

    private Reply complete(Player player, UUID videoId, String title) {
        return api.post("/api/videos/uploads/" + videoId + "/complete", player.token(), Map.of("title", title));
    }
}
