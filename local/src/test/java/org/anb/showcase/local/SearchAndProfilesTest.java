package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Finding a player, a fair order of the gallery, and a video's and a player's public profile with their standing. */
class SearchAndProfilesTest {
    private final ApiClient api = TestPlatform.api();
    @RegisterExtension
    final Contest contest = new Contest(api);

    @Test
    void searchFindsNamesAndTitlesIgnoringCaseAndAccents() {
        String city = uniqueCity("Búsqueda");
        Player jose = api.newPlayer("José", city);
        UUID hisVideo = contest.publishedVideo(jose, "Doble en la final");
        Player ana = api.newPlayer("Ana", city);
        UUID bogota = contest.publishedVideo(ana, "Clavada en BOGOTÁ");
        UUID percent = contest.publishedVideo(ana, "100% de tiros libres");

        for (String q : List.of("jose", "JOSÉ", "  josé prueba ", "Jose Prue")) {
            assertThat(ids(gallery("q=" + encode(q) + "&city=" + encode(city)))).as(q).containsExactly(hisVideo);
        }
        assertThat(ids(gallery("q=bogota&city=" + encode(city)))).containsExactly(bogota);
        assertThat(ids(gallery("q=clavada%20en%20bogota&city=" + encode(city)))).containsExactly(bogota);
        assertThat(ids(gallery("q=" + encode("%") + "&city=" + encode(city)))).as("% is a character, not a wildcard")
                .containsExactly(percent);
        assertThat(ids(gallery("q=" + encode("_") + "&city=" + encode(city)))).isEmpty();
        assertThat(ids(gallery("q=zzzz-nadie&city=" + encode(city)))).isEmpty();
        Reply anonymous = api.get("/api/public/videos?q=jose&sort=votes", null);
        assertThat(anonymous.headers().firstValue("Cache-Control")).as("shared like every gallery page")
                .hasValue("public, max-age=5");
    }

    @Test
    void aMinorIsFoundByTheirPublicNameNeverByTheirLastName() {
        String city = uniqueCity("Menores");
        UUID adult = contest.publishedVideo(api.newPlayer("Adulta", city), "jugada adulta");
        Player minor = api.newPlayer("Menor", city);
        UUID minorsVideo = contest.publishedVideo(minor, "jugada juvenil");
        TestPlatform.database().update("UPDATE users SET birth_date = current_date - interval '15 years' WHERE id = ?",
                minor.id());

        assertThat(ids(gallery("q=prueba&city=" + encode(city)))).as("the last name finds adults only")
                .containsExactly(adult);
        assertThat(ids(gallery("q=" + encode("menor p.") + "&city=" + encode(city)))).containsExactly(minorsVideo);
        assertThat(gallery("q=juvenil&city=" + encode(city)).get(0).path("player_name").asText()).isEqualTo("Menor P.");
    }

    @Test
    void aShuffleIsOneFixedOrderPerSeedThatPagesWithoutGapsOrRepeats() {
        String city = uniqueCity("Barajada");
        Set<UUID> all = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            all.add(contest.publishedVideo(api.newPlayer("J" + i, city), "video " + i));
        }
        Set<List<UUID>> orders = new HashSet<>();
        for (int seed = 1; seed <= 6; seed++) {
            List<UUID> paged = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                paged.addAll(ids(gallery("sort=shuffle&seed=" + seed + "&page_size=3&page=" + page + "&city="
                        + encode(city))));
            }
            assertThat(paged).as("seed " + seed).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
            assertThat(ids(gallery("sort=shuffle&seed=" + seed + "&page_size=10&city=" + encode(city))))
                    .as("the same seed, the same order").isEqualTo(paged);
            orders.add(paged);
        }
        assertThat(orders).as("other seeds put other entries first").hasSizeGreaterThan(1);
        assertThat(ids(gallery("sort=shuffle&city=" + encode(city)))).as("no seed: today's order")
                .containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void sortByVotesAndRefuseUnknownOrdersAndSeeds() {
        String city = uniqueCity("Votada");
        UUID few = contest.publishedVideo(api.newPlayer("Pocos", city), "pocos");
        UUID many = contest.publishedVideo(api.newPlayer("Muchos", city), "muchos");
        UUID none = contest.publishedVideo(api.newPlayer("Ninguno", city), "ninguno");
        contest.votes(few, 1);
        contest.votes(many, 3);
        assertThat(ids(gallery("sort=votes&city=" + encode(city)))).containsExactly(many, few, none);
        assertThat(ids(gallery("sort=newest&city=" + encode(city)))).containsExactly(none, many, few);
        for (String bad : List.of("sort=random", "sort=shuffle&seed=-1", "sort=shuffle&seed=abc",
                "sort=shuffle&seed=99999999999", "q=" + "x".repeat(101))) {
            Reply refused = api.get("/api/public/videos?" + bad, null);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.message()).isEqualTo("Parámetro inválido en la consulta.");
        }
        assertThat(api.get("/api/public/rankings?expand=everything", null).status()).isEqualTo(400);
    }

    @Test
    void aVideosAndAPlayersRankAreTheirPositionsInTheRankings() {
        String city = uniqueCity("Posiciones");
        Player first = api.newPlayer("Primera", city);
        Player second = api.newPlayer("Segundo", city);
        Player tied = api.newPlayer("Tercero", city); // as many votes as the second, signed up later
        UUID firstVideo = contest.publishedVideo(first, "la mejor");
        UUID secondVideo = contest.publishedVideo(second, "la otra");
        UUID secondsOther = contest.publishedVideo(second, "y otra más");
        contest.votes(firstVideo, 4);
        contest.votes(secondVideo, 1);
        contest.votes(secondsOther, 2);
        contest.votes(contest.publishedVideo(tied, "empate"), 3);

        JsonNode video = api.get("/api/public/videos/" + secondVideo, null).body();
        assertThat(video.path("video_id").asText()).isEqualTo(secondVideo.toString());
        assertThat(video.path("title").asText()).isEqualTo("la otra");
        assertThat(video.path("player_id").asText()).isEqualTo(second.id().toString());
        assertThat(video.path("player_name").asText()).isEqualTo("Segundo Prueba");
        assertThat(video.path("city").asText()).isEqualTo(city);
        assertThat(video.path("processed_url").asText()).contains("processed/" + secondVideo + ".mp4");
        assertThat(video.path("poster_url").asText()).contains("processed/" + secondVideo + ".jpg");
        assertThat(video.path("votes").asLong()).as("the video's own votes").isEqualTo(1);
        assertThat(video.path("city_rank").asLong()).isEqualTo(2);
        assertThat(video.path("rank").asLong()).isEqualTo(overallPosition(second.id()));

        JsonNode player = api.get("/api/public/players/" + first.id(), null).body();
        assertThat(player.path("player_name").asText()).isEqualTo("Primera Prueba");
        assertThat(player.path("votes").asLong()).isEqualTo(4);
        assertThat(player.path("city_rank").asLong()).isEqualTo(1);
        assertThat(player.path("rank").asLong()).isEqualTo(overallPosition(first.id()));
        assertThat(ids(api.get("/api/public/players/" + second.id(), null).body().path("videos")))
                .containsExactly(secondsOther, secondVideo);
        JsonNode third = api.get("/api/public/players/" + tied.id(), null).body();
        assertThat(third.path("city_rank").asLong()).as("a tie goes to the earlier sign-up, as in the rankings")
                .isEqualTo(3);
        assertThat(third.path("rank").asLong()).isEqualTo(overallPosition(tied.id()));

        JsonNode cityRanking = api.get("/api/public/rankings?expand=player&city=" + encode(city), null).body();
        assertThat(cityRanking.get(0).path("player_id").asText()).isEqualTo(first.id().toString());
        assertThat(cityRanking.get(1).path("player_id").asText()).isEqualTo(second.id().toString());
        assertThat(cityRanking.get(1).path("votes").asLong()).isEqualTo(3);
        assertThat(api.get("/api/public/rankings?city=" + encode(city), null).body().get(0).has("player_id"))
                .as("the four keys existing clients assert, unless asked").isFalse();
    }

    /** The player's position in the overall ranking, read page by page as a client would. */
    private long overallPosition(UUID player) {
        for (int page = 1; ; page++) {
            JsonNode rows = api.get("/api/public/rankings?expand=player&page_size=100&page=" + page, null).body();
            assertThat(rows.size()).as("the player is in the ranking").isPositive();
            for (JsonNode row : rows) {
                if (row.path("player_id").asText().equals(player.toString())) {
                    return row.path("position").asLong();
                }
            }
        }
    }

    private JsonNode gallery(String query) {
        Reply reply = api.get("/api/public/videos?" + query, null);
        assertThat(reply.status()).as(query).isEqualTo(200);
        return reply.body();
    }

    private static List<UUID> ids(JsonNode videos) {
        List<UUID> ids = new ArrayList<>();
        videos.forEach(v -> ids.add(UUID.fromString(v.path("video_id").asText())));
        return ids;
    }

    private static String uniqueCity(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
