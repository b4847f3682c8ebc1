package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.app.auth.Role;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

/**
 * Who may call the staff routes, generated from the server's own route list: a new {@code /api/admin/} route is in
 * this table the moment it exists, and fails it unless it checks the caller's role.
 */
class AdminAccessTest {
    private final ApiClient api = TestPlatform.api();
    private final Contest contest = new Contest(api);

    @Test
    void everyAdminRouteRefusesStrangersAndPlayersAndModeratorsWhereOrganizersOnly() {
        Player player = api.newPlayer("Bogotá");
        Player moderator = contest.moderator();
        List<Endpoint> admin = TestPlatform.platform().api().endpoints().stream()
                .filter(e -> e.path().startsWith(Endpoint.ADMIN_PREFIX)).toList();
        assertThat(admin).hasSizeGreaterThanOrEqualTo(20);
        for (Endpoint route : admin) {
            String label = route.method().text() + " " + route.path();
            assertThat(call(route, null)).as(label + " without a token").isEqualTo(401);
            assertThat(call(route, player.token())).as(label + " as a player").isEqualTo(403);
            int asModerator = call(route, moderator.token());
            if (route.staffRole().orElseThrow() == Role.ORGANIZER) {
                assertThat(asModerator).as(label + " as a moderator").isEqualTo(403);
            } else {
                assertThat(asModerator).as(label + " as a moderator").isNotIn(401, 403);
            }
        }
    }

    @Test
    void aRouteUnderAdminCannotBeMadeWithoutARole() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Endpoint.get("/api/admin/anything", (req, res) -> {
        })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSuspensionStopsALiveTokenAtOnceAndLoginSaysWhy() {
        Player moderator = contest.moderator();
        Player fan = api.newPlayer("Cali");
        assertThat(api.get("/api/videos", fan.token()).status()).isEqualTo(200);

        assertThat(api.post("/api/admin/users/" + fan.id() + "/suspend", moderator.token(),
                Map.of("reason", "votos comprados")).status()).isEqualTo(200);

        assertThat(api.get("/api/videos", fan.token()).status()).isEqualTo(401);
        ApiClient.Reply login = api.post("/api/auth/login", null, Map.of("email", fan.email(), "password",
                ApiClient.PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.message()).isEqualTo("La cuenta está suspendida.");

        assertThat(api.post("/api/admin/users/" + fan.id() + "/restore", moderator.token(),
                Map.of("reason", "error")).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/login", null, Map.of("email", fan.email(), "password",
                ApiClient.PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void aBanBarsTheSameMailboxFromSigningUpAgain() {
        Player moderator = contest.moderator();
        String local = "fan" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Reply signup = api.post("/api/auth/signup", null,
                ApiClient.signupBody("Tramposo", local + "@gmail.com", "Cali"));
        UUID id = UUID.fromString(signup.body().path("user_id").asText());

        assertThat(api.post("/api/admin/users/" + id + "/ban", moderator.token(), Map.of("reason", "bots"))
                .status()).isEqualTo(200);

        String sameMailbox = local.substring(0, 3) + "." + local.substring(3).toUpperCase() + "+otra@gmail.com";
        ApiClient.Reply again = api.post("/api/auth/signup", null, ApiClient.signupBody("Otro", sameMailbox, "Cali"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().path("errors").path("email").asText()).as("barred by the ban, not as a duplicate")
                .isEqualTo("Este correo electrónico no puede registrarse.");
    }

    @Test
    void organizersGrantAndRevokeStaffRolesAndEachChangeIsAudited() {
        Player organizer = contest.organizer();
        Player someone = api.newPlayer("Medellín");
        assertThat(api.put("/api/admin/staff/" + someone.id(), organizer.token(), Map.of("role", "moderator"))
                .status()).isEqualTo(200);
        assertThat(api.get("/api/admin/videos", someone.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/auth/me", someone.token()).body().path("role").asText()).isEqualTo("moderator");
        assertThat(api.put("/api/admin/staff/" + someone.id(), organizer.token(), Map.of("role", "player"))
                .status()).isEqualTo(200);
        assertThat(api.get("/api/admin/videos", someone.token()).status()).isEqualTo(403);
        assertThat(api.put("/api/admin/staff/" + someone.id(), organizer.token(), Map.of("role", "rey"))
                .status()).isEqualTo(400);
        assertThat(api.get("/api/admin/audit?page_size=100", organizer.token()).body().findValuesAsText("action"))
                .contains("staff.role");
    }

    private int call(Endpoint route, String token) {
        String path = route.path().replace("{video_id}", UUID.randomUUID().toString())
                .replace("{user_id}", UUID.randomUUID().toString());
        HttpRequest.Builder request = api.request(path, token).header("Content-Type", "application/json");
        request.method(route.method().text(), route.method().text().equals("GET")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        return api.send(request.build()).status();
    }
}
