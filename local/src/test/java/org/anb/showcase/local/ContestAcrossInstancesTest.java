package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anb.showcase.app.ApiServer;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.SampleVideos;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the edition needs to hold for the deployment, with two API instances on one database: a sanction and a role
 * change made through one instance hold on the other at once; a disqualified video leaves the other's shared pages
 * within their second; a settings change within the other's second; the entry
 * cap under parallel uploads spread over both.
 */
class ContestAcrossInstancesTest {
    private static ApiServer second;
    private static ApiClient other;
    private final ApiClient api = TestPlatform.api();
    /** Clears the edition after each test. */
    @RegisterExtension
    final Contest contest = new Contest(api);

    @BeforeAll
    static void startASecondInstance() {
        // This one keeps the production setting: the edition read at most once a second.
        second = ApiServer.start(TestPlatform.platform().configWith(Map.of("server.port", "0",
                "contest.fresh-ms", "1000")));
        other = ApiClient.at("http://localhost:" + second.port());
    }

    @AfterAll
    static void stopIt() {
        second.close();
    }


    @Test
    void aVideoDisqualifiedThroughOneInstanceLeavesTheOthersSharedPagesWithinTheSecond() throws InterruptedException {
        UUID video = contest.publishedVideo(api.newPlayer("Cali"), "robada");
        // The other instance renders and keeps the share page and the public JSON (as for a crowd of viewers).
        assertThat(other.get("/v/" + video, null).status()).isEqualTo(200);
        assertThat(other.get("/api/public/videos/" + video, null).status()).isEqualTo(200);
        assertThat(api.post("/api/admin/videos/" + video + "/disqualify", contest.moderator().token(),
                Map.of("reason", "video de otro jugador")).status()).isEqualTo(200);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(3).toNanos(); // the second, with room
        while ((other.get("/v/" + video, null).status() != 404
                || other.get("/api/public/videos/" + video, null).status() != 404) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(other.get("/v/" + video, null).status()).as("public-reads.fresh-ms: one second").isEqualTo(404);
        assertThat(other.get("/api/public/videos/" + video, null).status()).isEqualTo(404);
    }

    @Test
    void aSuspensionThroughOneInstanceStopsTheTokenOnTheOtherAtOnce() {
        Player fan = api.newPlayer("Cali");
        assertThat(other.get("/api/videos", fan.token()).status()).isEqualTo(200);
        assertThat(api.post("/api/admin/users/" + fan.id() + "/suspend", contest.moderator().token(),
                Map.of("reason", "cuentas falsas")).status()).isEqualTo(200);
        assertThat(other.get("/api/videos", fan.token()).status()).isEqualTo(401);
        assertThat(other.post("/api/auth/login", null, Map.of("email", fan.email(), "password", ApiClient.PASSWORD))
                .status()).isEqualTo(403);
    }

    @Test
    void aRoleRevokedThroughOneInstanceIsRefusedByTheOtherAtOnce() {
        Player organizer = contest.organizer();
        Player moderator = contest.moderator();
        assertThat(other.get("/api/admin/videos", moderator.token()).status()).isEqualTo(200);
        assertThat(api.put("/api/admin/staff/" + moderator.id(), organizer.token(), Map.of("role", "player"))
                .status()).isEqualTo(200);
        assertThat(other.get("/api/admin/videos", moderator.token()).status()).isEqualTo(403);
    }

    @Test
    void votingClosedThroughOneInstanceIsRefusedByTheOtherWithinASecond() throws InterruptedException {
        UUID video = contest.publishedVideo(api.newPlayer("Cali"), "cierre");
        assertThat(other.post("/api/public/videos/" + video + "/vote", api.newPlayer("Fan").token(), null).status())
                .isEqualTo(200);
        assertThat(contest.set(contest.organizer(), Map.of("voting_open_at", Contest.inMinutes(-60),
                "voting_close_at", java.time.OffsetDateTime.now().minusSeconds(1).toString())).status())
                .isEqualTo(200);
        Thread.sleep(1_100); // the other instance's one second of edition cache
        Reply late = other.post("/api/public/videos/" + video + "/vote", api.newPlayer("Fan").token(), null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.message()).isEqualTo("La votación está cerrada.");
    }

    @Test
    void theEntryCapHoldsForUploadsSpreadOverBothInstances() throws Exception {
        assertThat(contest.set(contest.organizer(), Map.of("max_entries_per_player", 3)).status()).isEqualTo(200);
        Thread.sleep(1_100);
        Player player = api.newPlayer("Cali");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Reply>> uploads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ApiClient instance = i % 2 == 0 ? api : other;
            uploads.add(pool.submit(() -> instance.upload(player.token(), ApiClient.Multipart.builder()
                    .field("title", "jugada").file("video_file", SampleVideos.smallMp4()))));
        }
        int created = 0;
        for (Future<Reply> upload : uploads) {
            Reply reply = upload.get();
            assertThat(reply.status()).isIn(201, 409);
            created += reply.status() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created).isEqualTo(3);
        assertThat(TestPlatform.database().count("SELECT count(*) FROM videos WHERE owner_id = ?", player.id()))
                .isEqualTo(3);
    }
}
