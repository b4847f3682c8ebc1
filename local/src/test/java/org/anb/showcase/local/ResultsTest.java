package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.core.db.DatabasePool;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.Mailbox;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Results frozen at publication, recountable from ballots.csv, each fan able to find their own ballot. */
class ResultsTest {
    private final ApiClient api = TestPlatform.api();
    /** Clears the edition after each test. */
    @RegisterExtension
    final Contest contest = new Contest(api);


    @Test
    void publishedResultsAreFrozenAndEqualARecountOfTheBallotsFile() throws Exception {
        String city = "Resultados-" + UUID.randomUUID();
        Player winner = api.newPlayer("Ganadora", city);
        Player runnerUp = api.newPlayer("Segunda", city);
        UUID winnerVideo = contest.publishedVideo(winner, "campeona");
        UUID runnerUpVideo = contest.publishedVideo(runnerUp, "finalista");
        Player organizer = contest.organizer();
        Instant close = Instant.now().plusSeconds(4);
        assertThat(contest.set(organizer, Map.of("voting_open_at", Contest.inMinutes(-60),
                "voting_close_at", close.atOffset(java.time.ZoneOffset.ofHours(-5)).toString())).status())
                .isEqualTo(200);
        contest.votes(winnerVideo, 4);
        contest.votes(runnerUpVideo, 2);
        // Voided before the results: out of the standings and out of the ballots file alike.
        assertThat(api.post("/api/admin/votes/void", organizer.token(), Map.of("video_id", runnerUpVideo.toString(),
                "reason", "bots")).status()).isEqualTo(200);
        Player fan = api.newPlayer("Fan");
        assertThat(api.post("/api/public/videos/" + winnerVideo + "/vote", fan.token(), null).status()).isEqualTo(200);
        assertThat(api.get("/api/public/results", null).status()).isEqualTo(404);
        assertThat(api.post("/api/admin/results/publish", organizer.token(), Map.of()).status()).isEqualTo(409);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), close).toMillis() + 200));
        assertThat(api.post("/api/public/videos/" + runnerUpVideo + "/vote", api.newPlayer("Tarde").token(), null)
                .status()).isEqualTo(409);
        assertThat(api.post("/api/admin/results/publish", organizer.token(), Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/admin/results/publish", organizer.token(), Map.of()).status()).isEqualTo(409);
        assertThat(Mailbox.of(winner.email()).awaitMailAbout("finalistas").body())
                .contains("puesto 1 de " + city + " con 5 votos");

        JsonNode mine = results(city);
        assertThat(mine.get(0).path("username").asText()).isEqualTo("Ganadora Prueba");
        assertThat(mine.get(0).path("votes").asInt()).isEqualTo(5);
        assertThat(mine.get(0).path("position").asInt()).isEqualTo(1);
        assertThat(mine.get(1).path("votes").asInt()).isZero();
        assertThat(mine.get(1).path("void").asInt()).isEqualTo(2);
        assertThat(mine.get(0).has("held")).isTrue();
        assertThat(mine.get(0).has("void")).isTrue();

        // Later voids, disqualifications and deleted accounts reach the live ranking, never the published results.
        String ballotsAtPublication = ballotsFile();
        api.post("/api/admin/votes/void", organizer.token(), Map.of("video_id", winnerVideo.toString(), "reason", "x"));
        api.post("/api/admin/videos/" + runnerUpVideo + "/disqualify", organizer.token(), Map.of("reason", "x"));
        TestPlatform.database().update("DELETE FROM users WHERE id = (SELECT user_id FROM votes WHERE video_id = ? "
                + "AND user_id <> ? LIMIT 1)", winnerVideo, fan.id());
        assertThat(results(city)).isEqualTo(mine);
        assertThat(ballotsFile()).isEqualTo(ballotsAtPublication);

        assertRecountEqualsPublishedResults();

        String ballot = api.get("/api/me/votes", fan.token()).body().get(0).path("ballot").asText();
        assertThat(ballot).isEqualTo(hmac(ballotKey(), fan.id()));
        assertThat(ballotsFile()).contains(winnerVideo + "," + ballot);

        var finalists = api.send(api.request("/api/admin/results/finalists.csv?per_city=1", organizer.token())
                .GET().build());
        assertThat(finalists.raw()).startsWith("city,position,player_name,email,votes,video_url\n")
                .contains(city + ",1,Ganadora Prueba," + winner.email() + ",5,");
    }

    @Test
    void theApplicationsOwnDatabaseRoleCannotChangeOrRemoveAuditEntries() throws SQLException {
        Player moderator = contest.moderator();
        api.post("/api/admin/users/" + api.newPlayer("Cali").id() + "/suspend", moderator.token(),
                Map.of("reason", "prueba"));
        try (var connections = DatabasePool.unpooled(TestPlatform.platform().config().get("db"));
             Connection app = connections.getConnection()) {
            assertThat(app.getMetaData().getUserName()).isEqualTo("anb");
            for (String change : new String[] {"UPDATE audit_log SET reason = 'borrado'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log"}) {
                assertThatThrownBy(() -> app.createStatement().execute(change)).as(change)
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
            app.createStatement().execute("INSERT INTO audit_log (staff_id, staff_email, action) "
                    + "VALUES (gen_random_uuid(), 'x@example.com', 'test.insert')");
        }
    }

    private void assertRecountEqualsPublishedResults() {
        Map<String, Long> ballotsPerVideo = new HashMap<>();
        String[] lines = ballotsFile().split("\n");
        assertThat(lines[0]).isEqualTo("video_id,ballot");
        for (int i = 1; i < lines.length; i++) {
            ballotsPerVideo.merge(lines[i].split(",")[0], 1L, Long::sum);
        }
        Map<String, Long> recount = new HashMap<>();
        ballotsPerVideo.forEach((video, n) -> recount.merge(TestPlatform.database().text(
                "SELECT u.first_name || ' ' || u.last_name || '|' || u.city FROM videos v JOIN users u ON u.id = v.owner_id "
                        + "WHERE v.id = ?", UUID.fromString(video)), n, Long::sum));
        for (int page = 1; ; page++) {
            JsonNode rows = api.get("/api/public/results?page_size=100&page=" + page, null).body();
            for (JsonNode row : rows) {
                String key = row.path("username").asText() + "|" + row.path("city").asText();
                assertThat(recount.getOrDefault(key, 0L)).as(key).isEqualTo(row.path("votes").asLong());
            }
            if (rows.size() < 100) {
                break;
            }
        }
    }

    private String ballotsFile() {
        var reply = api.send(api.request("/api/public/results/ballots.csv", null).GET().build());
        assertThat(reply.status()).isEqualTo(200);
        return reply.raw();
    }

    private JsonNode results(String city) {
        return api.get("/api/public/results?city=" + city, null).body();
    }

    private static byte[] ballotKey() throws SQLException {
        try (var connections = DatabasePool.unpooled(TestPlatform.platform().config().get("db"));
             Connection c = connections.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ballot_key FROM contest ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    private static String hmac(byte[] key, UUID voter) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] full = mac.doFinal(voter.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(full, 0, 16);
    }
}
