package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

class GalleryApiTest {
    private final ApiClient api = TestPlatform.api();

    @Test
    void anonymousReadsAreCacheableAndRevalidatedWith304AndAViewersAnswerIsNeverShared() {
        for (String path : List.of("/api/public/videos?page=1&page_size=5", "/api/public/rankings?page=1&page_size=5")) {
            Reply anonymous = api.get(path, null);
            assertThat(anonymous.headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=5");
            assertThat(anonymous.headers().firstValue("Vary")).hasValue("Authorization");
            String etag = anonymous.headers().firstValue("ETag").orElseThrow();
            Reply revalidated = api.send(api.request(path, null).header("If-None-Match", etag).GET().build());
            assertThat(revalidated.status()).as(path).isEqualTo(304);
            assertThat(revalidated.raw()).isEmpty();
            Reply changedTag = api.send(api.request(path, null).header("If-None-Match", "\"other\"").GET().build());
            assertThat(changedTag.status()).isEqualTo(200);
        }
        ApiClient.Player viewer = api.newPlayer("Cali");
        Reply personal = api.get("/api/public/videos?page=1&page_size=5", viewer.token());
        assertThat(personal.headers().firstValue("Cache-Control")).as("says what this viewer voted for")
                .hasValue("private, no-cache");
    }

    @Test
    void publicListShowsOnlyPublishedVideosWithoutLogin() {
        String city = "Gallery-" + UUID.randomUUID();
        Player player = api.newPlayer("Valentina", city);
        UUID published = api.uploadSample(player, "publicado");
        api.uploadSample(player, "todavía sin procesar");
        TestPlatform.database().markProcessed(published);

        Reply reply = api.get("/api/public/videos?city=" + city, null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(1);
        JsonNode video = reply.body().get(0);
        assertThat(video.path("video_id").asText()).isEqualTo(published.toString());
        assertThat(video.path("title").asText()).isEqualTo("publicado");
        assertThat(video.path("player_name").asText()).isEqualTo("Valentina Prueba");
        assertThat(video.path("city").asText()).isEqualTo(city);
        assertThat(video.path("processed_url").asText()).contains("processed/" + published + ".mp4");
        assertThat(video.path("votes").asInt()).isZero();
    }

    @Test
    void publicListPaginatesAndFiltersByCityIgnoringCase() {
        String city = "Paginada-" + UUID.randomUUID();
        Player player = api.newPlayer(city);
        for (int i = 0; i < 3; i++) {
            TestPlatform.database().markProcessed(api.uploadSample(player, "video " + i));
        }
        assertThat(api.get("/api/public/videos?page_size=2&city=" + city.toUpperCase(), null).body()).hasSize(2);
        assertThat(api.get("/api/public/videos?page=2&page_size=2&city=" + city, null).body()).hasSize(1);
        assertThat(api.get("/api/public/videos?page=3&page_size=2&city=" + city, null).body()).isEmpty();
        for (String bad : List.of("page=0", "page=abc", "page_size=0", "page_size=101", "page_size=2.5")) {
            Reply reply = api.get("/api/public/videos?" + bad, null);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.message()).isEqualTo("Parámetro inválido en la consulta.");
        }
    }

    @Test
    void aUserVotesOncePerVideo() {
        Player owner = api.newPlayer("Cali");
        Player fan = api.newPlayer("Cali");
        UUID videoId = api.uploadSample(owner, "votable");
        TestPlatform.database().markProcessed(videoId);

        Reply first = api.post("/api/public/videos/" + videoId + "/vote", fan.token(), null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.message()).isEqualTo("Voto registrado exitosamente.");
        Reply second = api.post("/api/public/videos/" + videoId + "/vote", fan.token(), null);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.message()).isEqualTo("Ya has votado por este video.");
        assertThat(api.get("/api/videos/" + videoId, owner.token()).body().path("votes").asInt()).isEqualTo(1);
    }

    @Test
    void aLoggedInCallerSeesWhichVideosTheyVotedForAndOnlyTheirOwnVotes() {
        String city = "Votos-" + UUID.randomUUID();
        Player owner = api.newPlayer(city);
        Player fan = api.newPlayer(city);
        UUID chosen = api.uploadSample(owner, "elegido");
        UUID other = api.uploadSample(owner, "otro");
        TestPlatform.database().markProcessed(chosen);
        TestPlatform.database().markProcessed(other);
        assertThat(api.post("/api/public/videos/" + chosen + "/vote", fan.token(), null).status()).isEqualTo(200);

        String page = "/api/public/videos?city=" + city;
        assertThat(votedById(api.get(page, fan.token()))).containsEntry(chosen.toString(), true)
                .containsEntry(other.toString(), false);
        assertThat(votedById(api.get(page, owner.token()))).containsValues(false).doesNotContainValue(true);
        assertThat(votedById(api.get(page, null))).as("anonymous").doesNotContainValue(true).hasSize(2);
        Reply forged = api.get(page, fan.token() + "x");
        assertThat(forged.status()).as("a token that is sent must be valid").isEqualTo(401);
    }

    private static Map<String, Boolean> votedById(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        Map<String, Boolean> voted = new HashMap<>();
        reply.body().forEach(video -> voted.put(video.path("video_id").asText(), video.path("voted").asBoolean()));
        return voted;
    }

    @Test
    void votingNeedsALoginAndAPublishedVideo() {
        Player owner = api.newPlayer("Cali");
        UUID unpublished = api.uploadSample(owner, "sin publicar");
        UUID published = api.uploadSample(owner, "publicado");
        TestPlatform.database().markProcessed(published);

        assertThat(api.post("/api/public/videos/" + published + "/vote", null, null).status()).isEqualTo(401);
        assertThat(api.post("/api/public/videos/" + unpublished + "/vote", owner.token(), null).status()).isEqualTo(404);
        assertThat(api.post("/api/public/videos/" + UUID.randomUUID() + "/vote", owner.token(), null).status())
                .isEqualTo(404);
        assertThat(api.post("/api/public/videos/nope/vote", owner.token(), null).status()).isEqualTo(404);
    }

    @Test
    void fiftyConcurrentVotesByOneUserStoreExactlyOne() throws Exception {
        Player owner = api.newPlayer("Cali");
        Player fan = api.newPlayer("Cali");
        UUID videoId = api.uploadSample(owner, "disputado");
        TestPlatform.database().markProcessed(videoId);

        int attempts = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/public/videos/" + videoId + "/vote", fan.token(), null).status();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }
            assertThat(results).filteredOn(s -> s == 200).hasSize(1);
            assertThat(results).filteredOn(s -> s == 400).hasSize(attempts - 1);
        }
        assertThat(TestPlatform.database().count("SELECT count(*) FROM votes WHERE video_id = ?", videoId)).isEqualTo(1);
        assertThat(TestPlatform.database().count("SELECT vote_count FROM videos WHERE id = ?", videoId)).isEqualTo(1);
    }
}
