package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.TestPlatform;
import org.anb.showcase.local.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** Integrity signals, and voids and restores that are exact: every counter equals a recount from the votes table. */
class VoteReviewTest {
    private final ApiClient api = TestPlatform.api();
    private final Contest contest = new Contest(api);
    private final TestDatabase db = TestPlatform.database();

    @Test
    void integritySignalsNameEachRuleBehindTheScoreAndRaiseAnAlert() {
        UUID video = contest.publishedVideo(api.newPlayer("Cali"), "sospechosa");
        contest.unconfirmedVotes(video, 12); // twelve accounts a minute old, unconfirmed, from one network
        Player organizer = contest.organizer();

        JsonNode signals = api.get("/api/admin/videos/" + video + "/integrity", organizer.token()).body();
        assertThat(signals.path("counted").asInt()).isEqualTo(12);
        assertThat(signals.path("void").asInt()).isZero();
        assertThat(signals.path("young_account_share").asDouble()).isEqualTo(1.0);
        assertThat(signals.path("unconfirmed_share").asDouble()).isEqualTo(1.0);
        assertThat(signals.path("top_networks").get(0).path("network").asText()).isEqualTo("127.0.0.0/24");
        assertThat(signals.path("votes_per_hour").get(0).path("votes").asInt()).isEqualTo(12);
        assertThat(signals.path("score_rules").findValuesAsText("rule"))
                .containsExactlyInAnyOrder("young_accounts", "unconfirmed_accounts", "one_network");
        assertThat(signals.path("score").asInt()).isEqualTo(80);

        JsonNode alerts = api.get("/api/admin/alerts", organizer.token()).body();
        assertThat(alerts.findValuesAsText("video_id")).contains(video.toString());
        JsonNode votes = api.get("/api/admin/votes?video_id=" + video, organizer.token()).body();
        assertThat(votes).hasSize(12);
        assertThat(votes.get(0).path("state").asText()).isEqualTo("counted");
        assertThat(votes.get(0).path("email_confirmed").asBoolean()).isFalse();
    }

    @Test
    void aDryRunAnswersTheRankingChangesAndChangesNothingThenTheVoidDoesExactlyThatAndRestoreUndoesIt() {
        String city = "Anulación-" + UUID.randomUUID();
        Player leader = api.newPlayer("Líder", city);
        Player second = api.newPlayer("Segundo", city);
        UUID leaderVideo = contest.publishedVideo(leader, "comprada");
        UUID secondVideo = contest.publishedVideo(second, "honesta");
        contest.votes(leaderVideo, 5);
        contest.votes(secondVideo, 3);
        Player organizer = contest.organizer();
        Map<String, Object> body = Map.of("video_id", leaderVideo.toString(), "reason", "bots", "dry_run", true);

        JsonNode dry = api.post("/api/admin/votes/void", organizer.token(), body).body();
        assertThat(dry.path("voided").asInt()).isEqualTo(5);
        assertThat(dry.path("ranking_changes").findValuesAsText("username"))
                .containsExactlyInAnyOrder("Líder Prueba", "Segundo Prueba");
        assertThat(ranking(city)).containsExactly("Líder Prueba:5", "Segundo Prueba:3");

        Map<String, Object> real = Map.of("video_id", leaderVideo.toString(), "reason", "bots");
        assertThat(api.post("/api/admin/votes/void", organizer.token(), real).body().path("voided").asInt())
                .isEqualTo(5);
        assertThat(ranking(city)).containsExactly("Segundo Prueba:3", "Líder Prueba:0");
        assertThat(db.count("SELECT count(*) FROM votes WHERE video_id = ?", leaderVideo)).isEqualTo(5);

        assertThat(api.post("/api/admin/votes/restore", organizer.token(), real).body().path("restored").asInt())
                .isEqualTo(5);
        assertThat(ranking(city)).containsExactly("Líder Prueba:5", "Segundo Prueba:3");
        assertThat(api.post("/api/admin/votes/void", organizer.token(), Map.of("reason", "todo")).status())
                .isEqualTo(400);
    }

    @Test
    void voidAndRestoreStayExactWhileFansKeepVoting() throws Exception {
        Player owner = api.newPlayer("Cali");
        UUID video = contest.publishedVideo(owner, "en disputa");
        contest.votes(video, 20);
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fans.add(api.newPlayer("Fan").token());
        }
        String organizer = contest.organizer().token();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Reply>> voting = new ArrayList<>();
        for (String fan : fans) {
            voting.add(pool.submit(() -> api.post("/api/public/videos/" + video + "/vote", fan, null)));
        }
        Map<String, Object> filter = Map.of("video_id", video.toString(), "reason", "revisión");
        long voided = api.post("/api/admin/votes/void", organizer, filter).body().path("voided").asLong();
        for (Future<Reply> vote : voting) {
            assertThat(vote.get().status()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(voided).isBetween(20L, 60L);
        assertCountersEqualARecount(video, owner);
        assertThat(db.count("SELECT vote_count FROM videos WHERE id = ?", video)).isEqualTo(60 - voided);

        assertThat(api.post("/api/admin/votes/restore", organizer, filter).body().path("restored").asLong())
                .isEqualTo(voided);
        assertCountersEqualARecount(video, owner);
        assertThat(db.count("SELECT vote_count FROM videos WHERE id = ?", video)).isEqualTo(60);
    }

    /** The video's and its player's counters against a recount of the votes that count (other tests' rows aside:
     * some set counters by hand on purpose, as another node would). */
    private void assertCountersEqualARecount(UUID video, Player owner) {
        assertThat(db.count("SELECT vote_count FROM videos WHERE id = ?", video)).isEqualTo(db.count(
                "SELECT count(*) FROM votes WHERE video_id = ? AND voided_at IS NULL AND NOT held", video));
        assertThat(db.count("SELECT votes FROM player_scores WHERE user_id = ?", owner.id())).isEqualTo(db.count("""
                SELECT count(*) FROM votes vt JOIN videos v ON v.id = vt.video_id
                 WHERE v.owner_id = ? AND v.published_at IS NOT NULL AND vt.voided_at IS NULL AND NOT vt.held""",
                owner.id()));
    }

    private List<String> ranking(String city) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : api.get("/api/public/rankings?city=" + city, null).body()) {
            rows.add(row.path("username").asText() + ":" + row.path("votes").asInt());
        }
        return rows;
    }
}
