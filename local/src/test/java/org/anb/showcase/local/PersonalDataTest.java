package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.app.ApiServer;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.BucketInspector;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.Mailbox;
import org.anb.showcase.local.support.TestPlatform;
import org.anb.showcase.local.support.TestWorkers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal data under Ley 1581: a minor's videos wait for the guardian's mailed authorisation and show a short public
 * name; the contest's {@code consent_required} asks for the current privacy notice; a person exports everything kept
 * about them (never a hash) and erases it — rows, files and the weight of their votes.
 */
class PersonalDataTest {
    private final ApiClient api = TestPlatform.api();
    /** Clears the edition after each test. */
    @RegisterExtension
    final Contest contest = new Contest(api);


    @Test
    void aMinorsVideoWaitsForTheGuardiansMailedAuthorisationAndShowsOnlyTheLastNamesInitial() {
        String city = "Tutela-" + UUID.randomUUID();
        String email = "menor-" + UUID.randomUUID() + "@example.com";
        String guardian = "acudiente-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> body = new HashMap<>(ApiClient.signupBody("Ana", email, city));
        body.put("birth_date", LocalDate.now().minusYears(15).toString());

        Reply withoutGuardian = api.post("/api/auth/signup", null, body);
        assertThat(withoutGuardian.status()).isEqualTo(400);
        assertThat(withoutGuardian.body().path("errors").has("guardian_email")).isTrue();
        body.put("guardian_email", email.toUpperCase());
        assertThat(api.post("/api/auth/signup", null, body).body().path("errors").has("guardian_email"))
                .as("not the minor's own address").isTrue();
        body.put("guardian_email", guardian);
        assertThat(api.post("/api/auth/signup", null, body).status()).isEqualTo(201);

        Player minor = login(email);
        assertThat(api.get("/api/auth/me", minor.token()).body().path("guardian_pending").asBoolean()).isTrue();
        UUID video = contest.publishedVideo(minor, "triple de esquina");
        assertThat(api.get("/api/public/videos?city=" + city, null).body()).as("waiting for the guardian").isEmpty();
        assertThat(api.post("/api/videos/" + video + "/publish", minor.token(), null).status()).isEqualTo(202);

        Mailbox.Mail mail = Mailbox.of(guardian).awaitMail(1);
        assertThat(mail.subject()).contains("Autoriza la participación de Ana");
        String token = mail.tokenOf("/autorizar");
        assertThat(api.post("/api/auth/guardian/confirm", null, Map.of("token", token)).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/guardian/confirm", null, Map.of("token", token)).status())
                .as("single use").isEqualTo(400);
        assertThat(api.post("/api/auth/guardian/confirm", null, Map.of("token", "forjado")).status()).isEqualTo(400);

        JsonNode gallery = api.get("/api/public/videos?city=" + city, null).body();
        assertThat(gallery).hasSize(1);
        assertThat(gallery.get(0).path("player_name").asText()).isEqualTo("Ana P.");
        assertThat(api.get("/api/auth/me", minor.token()).body().path("guardian_pending").asBoolean()).isFalse();
    }

    @Test
    void badBirthDatesAreRefusedNamingTheField() {
        for (String date : new String[] {"15/03/2010", "2999-01-01", "1850-01-01", "2010-02-30"}) {
            Map<String, Object> body = new HashMap<>(ApiClient.signupBody("Ana",
                    "p-" + UUID.randomUUID() + "@example.com", "Cali"));
            body.put("birth_date", date);
            Reply reply = api.post("/api/auth/signup", null, body);
            assertThat(reply.status()).as(date).isEqualTo(400);
            assertThat(reply.body().path("errors").has("birth_date")).as(date).isTrue();
        }
    }

    @Test
    void withConsentRequiredSignUpNeedsTheCurrentNoticeAndRecordsIt() {
        contest.set(contest.organizer(), Map.of("consent_required", true, "privacy_notice_version", "2026-11"));
        String email = "p-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> body = new HashMap<>(ApiClient.signupBody("Ana", email, "Cali"));

        assertThat(api.post("/api/auth/signup", null, body).body().path("errors").has("accept_terms")).isTrue();
        body.put("accept_terms", "2025-01");
        assertThat(api.post("/api/auth/signup", null, body).body().path("errors").has("accept_terms"))
                .as("an older notice").isTrue();
        body.put("accept_terms", "2026-11");
        assertThat(api.post("/api/auth/signup", null, body).status()).isEqualTo(201);

        JsonNode account = api.get("/api/me/export", login(email).token()).body().path("account");
        assertThat(account.path("terms_version").asText()).isEqualTo("2026-11");
        assertThat(account.path("terms_accepted_at").isTextual()).isTrue();
    }

    @Test
    void theExportHoldsTheAccountItsVideosAndVotesAndNoSecret() {
        Player player = api.newPlayer("Ana", "Cali");
        UUID own = contest.publishedVideo(player, "mi jugada");
        UUID other = contest.publishedVideo(api.newPlayer("Cali"), "otra jugada");
        assertThat(api.post("/api/public/videos/" + other + "/vote", player.token(), null).status()).isEqualTo(200);

        Reply export = api.get("/api/me/export", player.token());

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().path("account").path("email").asText()).isEqualTo(player.email());
        assertThat(export.body().path("videos").get(0).path("video_id").asText()).isEqualTo(own.toString());
        assertThat(export.body().path("votes").get(0).path("video_id").asText()).isEqualTo(other.toString());
        assertThat(export.body().path("mails").get(0).path("subject").asText()).contains("Confirma tu correo");
        String storedHash = TestPlatform.database().text("SELECT password_hash FROM users WHERE id = ?", player.id());
        assertThat(export.raw()).doesNotContain(storedHash).doesNotContain("password").doesNotContain("token");
        assertThat(api.get("/api/me/export", null).status()).isEqualTo(401);
    }

    @Test
    void erasureRemovesTheAccountItsFilesAndTheWeightOfItsVotes(@TempDir Path dir) throws Exception {
        Player player = api.newPlayer("Ana", "Cali");
        UUID own = contest.publishedVideo(player, "para borrar");
        Path media = Files.writeString(dir.resolve("processed.mp4"), "procesado");
        TestPlatform.store().upload(ObjectKeys.processed(own), media, "video/mp4");
        TestPlatform.store().upload(ObjectKeys.poster(own), media, "image/jpeg");
        Player owner = api.newPlayer("Cali");
        UUID other = contest.publishedVideo(owner, "sigue");
        api.post("/api/public/videos/" + other + "/vote", player.token(), null);
        assertThat(votesOf(owner, other)).isEqualTo(1);

        Reply wrong = erase(player, "no-es-esta");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().path("errors").has("password")).isTrue();
        try (ApiServer second = ApiServer.start(TestPlatform.platform().configWith(Map.of("server.port", "0")))) {
            ApiClient secondApi = ApiClient.at("http://localhost:" + second.port());
            assertThat(secondApi.get("/api/videos", player.token()).status()).isEqualTo(200);
            assertThat(erase(player, ApiClient.PASSWORD).status()).isEqualTo(200);
            assertThat(secondApi.get("/api/videos", player.token()).status()).as("gone on every instance")
                    .isEqualTo(401);
        }

        assertThat(votesOf(owner, other)).as("the erased account's vote no longer counts").isZero();
        assertThat(BucketInspector.keysUnder(ObjectKeys.UPLOADS_PREFIX + player.id())).isEmpty();
        assertThat(BucketInspector.keysUnder(ObjectKeys.PROCESSED_PREFIX + own)).isEmpty();
        assertThat(TestPlatform.database().count("SELECT count(*) FROM object_deletions")).isZero();
        assertThat(TestPlatform.database().count("SELECT count(*) FROM users WHERE id = ?", player.id())).isZero();
        assertThat(api.get("/api/videos", player.token()).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/login", null, Map.of("email", player.email(), "password", ApiClient.PASSWORD))
                .status()).isEqualTo(401);
    }

    @Test
    void aSentMailKeepsNoBodyForItsLinksAreSecrets() {
        Player player = api.newUnconfirmedPlayer("Ana", "Cali");
        assertThat(Mailbox.of(player.email()).awaitMail(1).body()).contains("/confirmar?token=");
        TestWorkers.await(Duration.ofSeconds(10), "the outbox marks the mail sent", () -> TestPlatform.database()
                .count("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND sent_at IS NOT NULL", player.email())
                == 1);
        assertThat(TestPlatform.database().count("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND body <> ''",
                player.email())).isZero();
    }

    @Test
    void theOnlyOrganizerCannotEraseTheirAccount() {
        Player organizer = contest.organizer();
        TestPlatform.database().update("UPDATE users SET role = 'player' WHERE role = 'organizer' AND id <> ?",
                organizer.id());
        assertThat(erase(organizer, ApiClient.PASSWORD).status()).isEqualTo(409);
    }

    private Reply erase(Player player, String password) {
        return api.send(api.request("/api/me", player.token()).header("Content-Type", "application/json")
                .method("DELETE", BodyPublishers.ofString("{\"password\":\"" + password + "\"}")).build());
    }

    private long votesOf(Player owner, UUID video) {
        return api.get("/api/videos/" + video, owner.token()).body().path("votes").asLong();
    }

    private Player login(String email) {
        Reply login = api.post("/api/auth/login", null, Map.of("email", email, "password", ApiClient.PASSWORD));
        return new Player(null, email, login.body().path("access_token").asText());
    }
}
