package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each rule of the edition, on every path it governs; and with no edition, the assignment's behaviour. */
class ContestEditionTest {
    private final ApiClient api = TestPlatform.api();
    /** Clears the edition after each test. */
    @RegisterExtension
    final Contest contest = new Contest(api);


    @Test
    void withNoEditionEverythingIsOpenAndUnmoderated() {
        Contest.clear();
        JsonNode body = api.get("/api/public/contest", null).body();
        assertThat(body.path("entries_open").asBoolean()).isTrue();
        assertThat(body.path("voting_open").asBoolean()).isTrue();
        assertThat(body.path("results_published").asBoolean()).isFalse();
        assertThat(body.path("moderation").asText()).isEqualTo("post");
        assertThat(body.has("counts_hidden_from")).isTrue();
    }

    @Test
    void inconsistentDatesAre400NamingTheField() {
        Player organizer = contest.organizer();
        Reply reply = contest.set(organizer, Map.of("voting_open_at", Contest.inMinutes(60),
                "voting_close_at", Contest.inMinutes(30)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").has("voting_close_at")).isTrue();
        assertThat(contest.set(organizer, Map.of("voting_open_at", "mañana")).status()).isEqualTo(400);
        assertThat(contest.set(organizer, Map.of("moderation", "nunca")).status()).isEqualTo(400);
        assertThat(contest.set(organizer, Map.of()).status()).isEqualTo(200);
        assertThat(api.get("/api/public/contest", null).body().path("name").asText()).isEqualTo("Edición de prueba");
    }

    @Test
    void closedEntriesRefuseBothUploadPathsBeforeAnyByte() {
        Player organizer = contest.organizer();
        assertThat(contest.set(organizer, Map.of("entries_open_at", Contest.inMinutes(-60),
                "entries_close_at", Contest.inMinutes(-1))).status()).isEqualTo(200);
        Player player = api.newPlayer("Cali");

        Reply multipart = api.upload(player.token(), ApiClient.Multipart.builder().field("title", "tarde")
                .file("video_file", new byte[1024]));
        assertThat(multipart.status()).isEqualTo(409);
        assertThat(multipart.message()).isEqualTo("Las inscripciones de videos están cerradas.");
        Reply direct = api.post("/api/videos/uploads", player.token(), Map.of());
        assertThat(direct.status()).isEqualTo(409);
        assertThat(api.get("/api/public/contest", null).body().path("entries_open").asBoolean()).isFalse();
    }

    @Test
    void theEntryCapHoldsEvenForParallelUploads() throws Exception {
        Player organizer = contest.organizer();
        assertThat(contest.set(organizer, Map.of("max_entries_per_player", 2)).status()).isEqualTo(200);
        Player player = api.newPlayer("Cali");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        var replies = new java.util.ArrayList<java.util.concurrent.Future<Reply>>();
        for (int i = 0; i < 6; i++) {
            replies.add(pool.submit(() -> api.upload(player.token(), ApiClient.Multipart.builder()
                    .field("title", "jugada").file("video_file", org.anb.showcase.local.support.SampleVideos.smallMp4()))));
        }
        long created = 0;
        for (var reply : replies) {
            Reply r = reply.get();
            assertThat(r.status()).isIn(201, 409);
            created += r.status() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created).isEqualTo(2);
        assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE owner_id = ?", player.id()))
                .isEqualTo(2);
    }

    @Test
    void votingClosedIs409AndOwnVideoIs403() {
        Player owner = api.newPlayer("Cali");
        UUID video = contest.publishedVideo(owner, "mi jugada");
        Reply own = api.post("/api/public/videos/" + video + "/vote", owner.token(), null);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.message()).isEqualTo("No puedes votar por tu propio video.");

        Player organizer = contest.organizer();
        assertThat(contest.set(organizer, Map.of("voting_open_at", Contest.inMinutes(10))).status()).isEqualTo(200);
        Reply early = api.post("/api/public/videos/" + video + "/vote", api.newPlayer("Cali").token(), null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.message()).isEqualTo("La votación está cerrada.");
    }

    @Test
    void theFinalStretchHidesCountsButKeepsPositions() {
        String city = "Tramo-" + UUID.randomUUID();
        Player star = api.newPlayer("Estrella", city);
        UUID video = contest.publishedVideo(star, "final");
        contest.votes(video, 2);
        Player organizer = contest.organizer();
        assertThat(contest.set(organizer, Map.of("voting_open_at", Contest.inMinutes(-60),
                "counts_hidden_from", Contest.inMinutes(-1), "voting_close_at", Contest.inMinutes(60)))
                .status()).isEqualTo(200);

        JsonNode ranking = api.get("/api/public/rankings?city=" + city, null).body();
        assertThat(ranking.get(0).path("position").asInt()).isEqualTo(1);
        assertThat(ranking.get(0).get("votes").isNull()).isTrue();
        JsonNode gallery = api.get("/api/public/videos?city=" + city, null).body();
        assertThat(gallery.get(0).get("votes").isNull()).isTrue();
        assertThat(api.post("/api/public/videos/" + video + "/vote", api.newPlayer("Fan").token(), null).status())
                .isEqualTo(200);
    }

    @Test
    void justBeforeTheFinalStretchSharedCachesKeepPagesNoLongerThanUntilItBegins() {
        Player organizer = contest.organizer();
        assertThat(contest.set(organizer, Map.of("voting_open_at", Contest.inMinutes(-60),
                "counts_hidden_from", java.time.OffsetDateTime.now().plusSeconds(3).toString(),
                "voting_close_at", Contest.inMinutes(60))).status()).isEqualTo(200);
        for (String page : new String[] {"/api/public/rankings?city=Tramo", "/api/public/videos?city=Tramo"}) {
            String cacheControl = api.get(page, null).headers().firstValue("Cache-Control").orElseThrow();
            assertThat(cacheControl).as(page).matches("public, max-age=[0-3]");
        }
        Contest.clear();
        assertThat(api.get("/api/public/rankings?city=Tramo", null).headers().firstValue("Cache-Control"))
                .contains("public, max-age=5");
    }

    @Test
    void preModerationHoldsAProcessedVideoUntilAModeratorApprovesIt() {
        Player organizer = contest.organizer();
        assertThat(contest.set(organizer, Map.of("moderation", "pre")).status()).isEqualTo(200);
        String city = "Pre-" + UUID.randomUUID();
        Player player = api.newPlayer(city);
        UUID video = contest.publishedVideo(player, "a revisar");
        assertThat(api.get("/api/public/videos?city=" + city, null).body()).isEmpty();
        assertThat(api.post("/api/videos/" + video + "/publish", player.token(), null).status()).isEqualTo(202);

        Player moderator = contest.moderator();
        JsonNode pending = api.get("/api/admin/videos?state=pending&page_size=100", moderator.token()).body();
        assertThat(pending.findValuesAsText("video_id")).contains(video.toString());
        assertThat(api.post("/api/admin/videos/" + video + "/approve", moderator.token(), Map.of()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/public/videos?city=" + city, null).body().get(0).path("video_id").asText())
                .isEqualTo(video.toString());
    }

    @Test
    void anOwnerMayWithdrawAPublishedVideoUntilItsFirstVote() {
        Player owner = api.newPlayer("Cali");
        UUID unvoted = contest.publishedVideo(owner, "sin votos");
        assertThat(api.delete("/api/videos/" + unvoted, owner.token()).status()).isEqualTo(200);
        UUID voted = contest.publishedVideo(owner, "con votos");
        contest.votes(voted, 1);
        Reply refused = api.delete("/api/videos/" + voted, owner.token());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("El video no puede eliminarse porque ya tiene votos.");
    }
}
