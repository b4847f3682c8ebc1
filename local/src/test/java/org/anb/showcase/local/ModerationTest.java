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

/** Reports, the queue, and the transitions a moderator makes: disqualify, appeal, reinstate — each audited. */
class ModerationTest {
    private final ApiClient api = TestPlatform.api();
    private final Contest contest = new Contest(api);

    @Test
    void reportsCountOnceNeverHideAVideoAndFillTheQueueWithTheirReasons() {
        String city = "Reportes-" + UUID.randomUUID();
        UUID video = contest.publishedVideo(api.newPlayer(city), "robado");
        Player fan = api.newPlayer("Cali");
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/api/public/videos/" + video + "/report", fan.token(),
                    Map.of("reason", "copyright", "details", "es de mi canal")).status()).isEqualTo(202);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/public/videos/" + video + "/report", api.newPlayer("Cali").token(),
                    Map.of("reason", "offensive")).status()).isEqualTo(202);
        }
        assertThat(api.post("/api/public/videos/" + video + "/report", fan.token(), Map.of("reason", "feo"))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/public/videos/" + UUID.randomUUID() + "/report", fan.token(),
                Map.of("reason", "spam")).status()).isEqualTo(404);

        assertThat(api.get("/api/public/videos?city=" + city, null).body()).hasSize(1);
        JsonNode item = queued(video, "reported");
        assertThat(item.path("report_count").asInt()).isEqualTo(6);
        assertThat(item.path("reasons").path("offensive").asInt()).isEqualTo(5);
        assertThat(item.path("reasons").path("copyright").asInt()).isEqualTo(1);
        JsonNode reports = api.get("/api/admin/videos/" + video + "/reports", contest.moderator().token()).body();
        assertThat(reports.findValuesAsText("details")).contains("es de mi canal");
    }

    @Test
    void aDisqualificationTakesTheVideoOutAtOnceKeepsItsVotesAndMayBeAppealedOnce() {
        String city = "Descalificado-" + UUID.randomUUID();
        Player owner = api.newPlayer("Dueño", city);
        UUID video = contest.publishedVideo(owner, "jugada");
        contest.votes(video, 3);
        Player reporter = api.newPlayer("Cali");
        api.post("/api/public/videos/" + video + "/report", reporter.token(), Map.of("reason", "copyright"));
        Player moderator = contest.moderator();

        assertThat(api.post("/api/admin/videos/" + video + "/disqualify", moderator.token(), Map.of()).status())
                .isEqualTo(400); // a reason is required
        assertThat(api.post("/api/admin/videos/" + video + "/disqualify", moderator.token(),
                Map.of("reason", "video de otro jugador", "note", "denuncia verificada")).status()).isEqualTo(200);

        assertThat(api.get("/api/public/videos?city=" + city, null).body()).isEmpty();
        assertThat(api.get("/api/public/rankings?city=" + city, null).body()).isEmpty();
        assertThat(api.post("/api/public/videos/" + video + "/vote", api.newPlayer("Fan").token(), null).status())
                .isEqualTo(404);
        assertThat(TestPlatform.database().count("SELECT count(*) FROM votes WHERE video_id = ?", video)).isEqualTo(3);
        JsonNode mine = api.get("/api/videos", owner.token()).body().get(0);
        assertThat(mine.path("disqualified").asBoolean()).isTrue();
        assertThat(mine.path("disqualification_reason").asText()).isEqualTo("video de otro jugador");
        JsonNode told = api.get("/api/me/reports", reporter.token()).body().get(0);
        assertThat(told.path("outcome").asText()).isEqualTo("disqualified");

        Reply appeal = api.post("/api/videos/" + video + "/appeal", owner.token(), Map.of("message", "es mío"));
        assertThat(appeal.status()).isEqualTo(202);
        assertThat(api.post("/api/videos/" + video + "/appeal", owner.token(), Map.of("message", "otra vez"))
                .status()).isEqualTo(409);
        assertThat(api.post("/api/videos/" + video + "/appeal", reporter.token(), Map.of("message", "x"))
                .status()).isEqualTo(403);
        assertThat(queued(video, "reported").path("appeal").path("message").asText()).isEqualTo("es mío");

        assertThat(api.post("/api/admin/videos/" + video + "/reinstate", moderator.token(),
                Map.of("reason", "el jugador mostró el original")).status()).isEqualTo(200);
        JsonNode back = api.get("/api/public/rankings?city=" + city, null).body();
        assertThat(back.get(0).path("votes").asInt()).isEqualTo(3);
        assertThat(api.get("/api/videos", owner.token()).body().get(0).path("appeal").asText()).isEqualTo("decided");

        JsonNode audit = api.get("/api/admin/audit?page_size=100", contest.organizer().token()).body();
        assertThat(audit.findValuesAsText("action")).contains("video.disqualify", "video.reinstate");
        assertThat(audit.findValuesAsText("note")).contains("denuncia verificada");
    }

    @Test
    void approvingAReportedVideoDismissesItsReportsAndTellsTheReporter() {
        UUID video = contest.publishedVideo(api.newPlayer("Cali"), "limpia");
        Player reporter = api.newPlayer("Cali");
        api.post("/api/public/videos/" + video + "/report", reporter.token(), Map.of("reason", "spam"));
        assertThat(api.post("/api/admin/videos/" + video + "/approve", contest.moderator().token(),
                Map.of("reason", "no es spam")).status()).isEqualTo(200);
        assertThat(api.get("/api/me/reports", reporter.token()).body().get(0).path("outcome").asText())
                .isEqualTo("kept");
        assertThat(api.get("/api/admin/videos?state=reported&page_size=100", contest.moderator().token()).body()
                .findValuesAsText("video_id")).doesNotContain(video.toString());
    }

    private JsonNode queued(UUID video, String state) {
        String moderator = contest.moderator().token();
        for (int page = 1; page < 50; page++) {
            JsonNode items = api.get("/api/admin/videos?state=" + state + "&page_size=100&page=" + page, moderator)
                    .body();
            for (JsonNode item : items) {
                if (item.path("video_id").asText().equals(video.toString())) {
                    return item;
                }
            }
            if (items.size() < 100) {
                break;
            }
        }
        throw new AssertionError("not in the " + state + " queue: " + video);
    }
}
