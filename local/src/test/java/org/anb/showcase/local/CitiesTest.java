package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

/** One city however it is typed, merges of other spellings, and the sign-up form's autocomplete. */
class CitiesTest {
    private final ApiClient api = TestPlatform.api();
    private final Contest contest = new Contest(api);

    @Test
    void caseAccentsAndSpacingGroupOneCityAndAMergeBringsOtherSpellingsIn() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String city = "Bogotá" + tag;
        for (String spelling : new String[] {city, city, " bogota" + tag + " ", "BOGOTA" + tag.toUpperCase(),
                "Bogo tá" + tag}) {
            contest.publishedVideo(api.newPlayer(spelling), "jugada");
        }
        assertThat(api.get("/api/public/rankings?city=bogota" + tag, null).body()).hasSize(5);
        JsonNode suggestions = api.get("/api/public/cities?q=BOGOT" , null).body();
        assertThat(suggestions.findValuesAsText("city")).contains(city);
        assertThat(api.get("/api/public/cities?q=bogota" + tag, null).body().get(0).path("players").asInt())
                .isEqualTo(5);

        contest.publishedVideo(api.newPlayer("Bogotá D.C." + tag), "jugada");
        var organizer = contest.organizer();
        assertThat(api.post("/api/admin/cities/merge", organizer.token(),
                Map.of("from", "Bogotá D.C." + tag, "into", city)).status()).isEqualTo(200);
        assertThat(api.get("/api/public/rankings?city=" + city, null).body()).hasSize(6);
        assertThat(api.get("/api/public/videos?city=bogota%20d.c." + tag, null).body()).hasSize(6);
        var later = api.newPlayer("bogotá d.c." + tag);
        assertThat(TestPlatform.database().text("SELECT city FROM users WHERE id = ?", later.id())).isEqualTo(city);
        assertThat(api.post("/api/admin/cities/merge", organizer.token(), Map.of("from", city, "into", " " + city))
                .status()).isEqualTo(400);
    }
}
