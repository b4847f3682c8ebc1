package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.anb.showcase.app.ApiServer;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.Mailbox;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

/** Forgot, reset and change, with the reset link read over IMAP and sessions checked on a second API instance. */
class PasswordsTest {
    private static final String NEW_PASSWORD = "nueva-clave-2026";
    private final ApiClient api = TestPlatform.api();

    @Test
    void aMailedLinkResetsThePasswordOnceAndEndsEverySessionOnEveryInstance() {
        Player player = api.newPlayer("Ana", "Cali");
        Mailbox box = Mailbox.of(player.email());
        box.awaitMail(1); // the confirmation
        assertThat(api.post("/api/auth/password/forgot", null, Map.of("email", "nadie-" + player.email())).status())
                .as("the same answer for an unknown address").isEqualTo(202);
        assertThat(api.post("/api/auth/password/forgot", null, Map.of("email", player.email().toUpperCase()))
                .status()).isEqualTo(202);
        Mailbox.Mail mail = box.awaitMail(2);
        assertThat(mail.subject()).contains("Restablece tu contraseña");
        String token = mail.tokenOf("/restablecer");

        try (ApiServer second = ApiServer.start(TestPlatform.platform().configWith(Map.of("server.port", "0")))) {
            ApiClient other = ApiClient.at("http://localhost:" + second.port());
            assertThat(other.get("/api/videos", player.token()).status()).isEqualTo(200);

            assertThat(api.post("/api/auth/password/reset", null, Map.of("token", token, "password1", NEW_PASSWORD,
                    "password2", NEW_PASSWORD)).status()).isEqualTo(200);

            assertThat(api.get("/api/videos", player.token()).status()).isEqualTo(401);
            assertThat(other.get("/api/videos", player.token()).status()).isEqualTo(401);
        }
        assertThat(login(player.email(), ApiClient.PASSWORD)).isEqualTo(401);
        assertThat(login(player.email(), NEW_PASSWORD)).isEqualTo(200);
        assertThat(api.post("/api/auth/password/reset", null, Map.of("token", token, "password1", "otra-clave-2026",
                "password2", "otra-clave-2026")).status()).as("single use").isEqualTo(400);
        assertThat(api.post("/api/auth/password/reset", null, Map.of("token", "forjado", "password1", NEW_PASSWORD,
                "password2", NEW_PASSWORD)).status()).isEqualTo(400);
        assertThat(api.post("/api/auth/password/reset", null, Map.of("token", "x", "password1", "corta",
                "password2", "corta")).body().path("errors").has("password1")).isTrue();
    }

    @Test
    void aChangeKeepsTheSessionThatMadeItAndEndsTheOthers() {
        Player player = api.newPlayer("Ana", "Cali");
        String otherSession = api.post("/api/auth/login", null, Map.of("email", player.email(), "password",
                ApiClient.PASSWORD)).body().path("access_token").asText();

        ApiClient.Reply wrong = api.post("/api/auth/password/change", player.token(), Map.of(
                "current_password", "no-es-esta", "password1", NEW_PASSWORD, "password2", NEW_PASSWORD));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().path("errors").has("current_password")).isTrue();
        assertThat(api.get("/api/videos", otherSession).status()).as("nothing changed yet").isEqualTo(200);

        assertThat(api.post("/api/auth/password/change", player.token(), Map.of("current_password",
                ApiClient.PASSWORD, "password1", NEW_PASSWORD, "password2", NEW_PASSWORD)).status()).isEqualTo(200);

        assertThat(api.get("/api/videos", player.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/videos", otherSession).status()).isEqualTo(401);
        assertThat(login(player.email(), NEW_PASSWORD)).isEqualTo(200);
        assertThat(api.post("/api/auth/password/change", null, Map.of()).status()).isEqualTo(401);
    }

    private int login(String email, String password) {
        return api.post("/api/auth/login", null, Map.of("email", email, "password", password)).status();
    }
}
