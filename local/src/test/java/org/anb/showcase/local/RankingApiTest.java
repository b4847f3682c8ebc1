package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

class RankingApiTest {
    private final ApiClient api = TestPlatform.api();

    @Test
    void playersAreRankedByVotesWithTiesToTheEarlierSignupAndPositionsContinueAcrossPages() {
        String city = "Ranking-" + UUID.randomUUID();
        Player first = api.newPlayer("Primero", city);
        Player tiedEarly = api.newPlayer("EmpateTemprano", city);
        Player tiedLate = api.newPlayer("EmpateTardío", city);
        Player voteless = api.newPlayer("SinVotos", city);
        for (Player p : List.of(first, tiedEarly, tiedLate, voteless)) {
            TestPlatform.database().markProcessed(api.uploadSample(p, "jugada de " + p.email()));
        }
        vote(first, 3);
        vote(tiedEarly, 2);
        vote(tiedLate, 2);

        JsonNode all = api.get("/api/public/rankings?city=" + city, null).body();
        assertThat(names(all)).containsExactly("Primero Prueba", "EmpateTemprano Prueba", "EmpateTardío Prueba",
                "SinVotos Prueba");
        assertThat(all.get(0).path("position").asInt()).isEqualTo(1);
        assertThat(all.get(0).path("votes").asInt()).isEqualTo(3);
        assertThat(all.get(0).path("city").asText()).isEqualTo(city);
        assertThat(all.get(3).path("votes").asInt()).isZero();

        JsonNode page2 = api.get("/api/public/rankings?page=2&page_size=2&city=" + city.toLowerCase(), null).body();
        assertThat(names(page2)).containsExactly("EmpateTardío Prueba", "SinVotos Prueba");
        assertThat(page2.get(0).path("position").asInt()).isEqualTo(3);
        assertThat(page2.get(1).path("position").asInt()).isEqualTo(4);
    }

    @Test
    void overallRankingHasGlobalPositionsAndOnlyPublishedVideosCount() {
        Player star = api.newPlayer("Estrella", "Ranking-" + UUID.randomUUID());
        UUID video = api.uploadSample(star, "la mejor");
        TestPlatform.database().markProcessed(video);
        int votesNeeded = 1 + (int) TestPlatform.database().count("SELECT coalesce(max(votes), 0) FROM player_scores");
        for (int i = 0; i < votesNeeded; i++) {
            assertThat(api.post("/api/public/videos/" + video + "/vote", api.newPlayer("Cali").token(), null).status())
                    .isEqualTo(200);
        }
        api.uploadSample(star, "no publicado aún");

        JsonNode top = api.get("/api/public/rankings?page_size=1", null).body();
        assertThat(top.get(0).path("username").asText()).isEqualTo("Estrella Prueba");
        assertThat(top.get(0).path("position").asInt()).isEqualTo(1);
        assertThat(top.get(0).path("votes").asInt()).isEqualTo(votesNeeded);
    }

    @Test
    void badParametersAre400WithTheContractMessage() {
        for (String bad : List.of("page=-1", "page=x", "page_size=1000", "page_size=", "page=99999999999")) {
            Reply reply = api.get("/api/public/rankings?" + bad, null);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.message()).isEqualTo("Parámetro inválido en la consulta.");
        }
    }

    private void vote(Player candidate, int votes) {
        UUID videoId = UUID.fromString(api.get("/api/videos", candidate.token()).body().get(0).path("video_id").asText());
        for (int i = 0; i < votes; i++) {
            assertThat(api.post("/api/public/videos/" + videoId + "/vote", api.newPlayer("Cali").token(), null).status())
                    .isEqualTo(200);
        }
    }

    private static List<String> names(JsonNode ranking) {
        return java.util.stream.StreamSupport.stream(ranking.spliterator(), false)
                .map(n -> n.path("username").asText()).toList();
    }
}
