package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.StorageSettings;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Multipart;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.TestWorkers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops for real while uploads and votes keep coming: the API answers 503 quickly (never a 500, never a
 * hang), recovers by itself when the database returns, and every upload that got 201 is in the database and the
 * bucket and ends up processed.
 */
class DatabaseRestartTest {

    @Test
    void theApiSurvivesADatabaseRestartAndLosesNoAcceptedUpload(@TempDir Path dir) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(LocalSettings.ephemeral(dir), Map.of(
                "auth.bcrypt-cost", "4", "worker.receive-wait-seconds", "1", "worker.retry-delay-seconds", "1",
                "worker.visibility-timeout-seconds", "6", "worker.shutdown-grace-seconds", "0"));
             ObjectStore store = new ObjectStore(StorageSettings.from(platform.config().get("storage")))) {
            ApiClient api = ApiClient.at(platform.apiUrl());
            Player player = api.newPlayer("Cali");
            Player fan = api.newPlayer("Cali");
            List<UUID> accepted = new ArrayList<>();
            accepted.add(TestWorkers.uploadClip(api, player));
            UUID votable = accepted.getFirst();

            platform.stopDatabase();
            List<Integer> duringOutage = new ArrayList<>();
            Instant until = Instant.now().plusSeconds(8);
            while (Instant.now().isBefore(until)) {
                Instant start = Instant.now();
                Reply upload = api.upload(player.token(), Multipart.builder()
                        .file("video_file", TestWorkers.realClip()).field("title", "durante la caída"));
                Instant uploaded = Instant.now();
                Reply vote = api.post("/api/public/videos/" + votable + "/vote", fan.token(), null);
                // The pool's connection timeout is 3 s: a request that needs the database answers within it (the
                // upload also streams its file to the bucket first).
                assertThat(Duration.between(uploaded, Instant.now())).as("the vote's answer, within the 3 s timeout")
                        .isLessThan(Duration.ofMillis(4_000));
                assertThat(Duration.between(start, uploaded)).as("the upload's answer").isLessThan(Duration.ofSeconds(6));
                for (Reply reply : List.of(upload, vote)) {
                    duringOutage.add(reply.status());
                    assertThat(reply.status()).as(reply.raw()).isNotEqualTo(500);
                    assertThat(reply.raw()).doesNotContain("Exception");
                }
                if (upload.status() == 201) {
                    accepted.add(UUID.fromString(upload.body().path("video_id").asText()));
                }
            }
            assertThat(duringOutage).as("the outage was seen").contains(503);
            assertThat(api.get("/api/health", null).status()).isEqualTo(503);

            platform.startDatabase();
            TestWorkers.await(Duration.ofSeconds(60), "the API to recover by itself",
                    () -> api.get("/api/health", null).status() == 200);
            accepted.add(TestWorkers.uploadClip(api, player));

            for (UUID videoId : accepted) {
                assertThat(store.size(ObjectKeys.original(player.id(), videoId))).as("original of " + videoId).isPresent();
                TestWorkers.await(Duration.ofMinutes(3), "video " + videoId + " to be processed", () ->
                        "processed".equals(api.get("/api/videos/" + videoId, player.token()).body().path("status").asText()));
            }
            assertThat(api.post("/api/public/videos/" + votable + "/vote", fan.token(), null).status()).isEqualTo(200);
        }
    }

}
