package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.Mailbox;
import org.anb.showcase.local.support.TestPlatform;
import org.anb.showcase.local.support.TestWorkers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Confirmed e-mail and held votes, read from real mail over IMAP: the link confirms once; while an edition runs an
 * unconfirmed account's vote is held (not counted) until it confirms, and dropped a week after sign-up otherwise;
 * with no edition votes count at once, as the assignment's clients expect.
 */
class ConfirmedAccountsTest {
    private final ApiClient api = TestPlatform.api();
    /** Clears the edition after each test. */
    @RegisterExtension
    final Contest contest = new Contest(api);


    @Test
    void theMailedLinkConfirmsTheAccountOnce() {
        Player player = api.newUnconfirmedPlayer("Ana", "Cali");
        assertThat(api.get("/api/auth/me", player.token()).body().path("email_verified").asBoolean()).isFalse();

        Mailbox.Mail mail = Mailbox.of(player.email()).awaitMail(1);
        assertThat(mail.subject()).contains("Confirma tu correo");
        String token = mail.tokenOf("/confirmar");

        assertThat(api.post("/api/auth/verify", null, Map.of("token", token)).status()).isEqualTo(200);
        assertThat(api.get("/api/auth/me", player.token()).body().path("email_verified").asBoolean()).isTrue();
        Reply again = api.post("/api/auth/verify", null, Map.of("token", token));
        assertThat(again.status()).as("single use").isEqualTo(400);
        assertThat(api.post("/api/auth/verify", null, Map.of("token", "forjado")).status()).isEqualTo(400);
        assertThat(api.post("/api/auth/verify", null, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void aSignUpWhileTheMailServerIsDownAnswersAtOnceAndItsMailIsSentOnceTheServerIsBack() {
        LocalPlatform platform = TestPlatform.platform();
        Player player;
        platform.stopMail();
        try {
            long start = System.nanoTime();
            player = api.newUnconfirmedPlayer("Ana", "Cali");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the sign-up never waits for the mail server")
                    .isLessThan(Duration.ofSeconds(5));
            TestWorkers.await(Duration.ofSeconds(30), "the sender to try once and fail",
                    () -> TestPlatform.database().count("SELECT count(*) FROM mail_outbox WHERE recipient = ? "
                            + "AND sent_at IS NULL AND attempts >= 1", player.email()) == 1);
            assertThat(TestPlatform.database().count("SELECT count(*) FROM mail_outbox WHERE recipient = ? "
                    + "AND next_attempt_at BETWEEN now() + interval '20 seconds' AND now() + interval '31 seconds'",
                    player.email())).as("the next attempt waits its backoff (30 s after the first failure)").isOne();
        } finally {
            platform.startMail();
        }
        // The backoff's wait, shortened: the message falls due now, as it would 30 s later.
        TestPlatform.database().update("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = ?",
                player.email());
        String token = Mailbox.of(player.email()).awaitMail(1).tokenOf("/confirmar");
        assertThat(api.post("/api/auth/verify", null, Map.of("token", token)).status()).isEqualTo(200);
    }

    @Test
    void resendMailsANewLinkAndTheOldOneStillWorksUntilUsed() {
        Player player = api.newUnconfirmedPlayer("Ana", "Cali");
        Mailbox box = Mailbox.of(player.email());
        box.awaitMail(1);
        assertThat(api.post("/api/auth/verify/resend", player.token(), null).status()).isEqualTo(202);
        assertThat(api.post("/api/auth/verify/resend", null, null).status()).isEqualTo(401);
        String second = box.awaitMail(2).tokenOf("/confirmar");
        assertThat(api.post("/api/auth/verify", null, Map.of("token", second)).status()).isEqualTo(200);
    }

    @Test
    void duringAnEditionAnUnconfirmedVoteIsHeldAndCountsFromTheMomentTheAccountConfirms() {
        contest.set(contest.organizer(), Map.of("name", "Edición de prueba"));
        Player owner = api.newPlayer("Cali");
        UUID video = contest.publishedVideo(owner, "retenido");
        Player fan = api.newUnconfirmedPlayer("Fan", "Cali");

        Reply vote = api.post("/api/public/videos/" + video + "/vote", fan.token(), null);

        assertThat(vote.status()).isEqualTo(200);
        assertThat(vote.message()).isEqualTo("Voto registrado exitosamente.");
        assertThat(vote.body().path("held").asBoolean()).isTrue();
        assertThat(mine(owner, video).path("votes").asLong()).isZero();
        assertThat(mine(owner, video).path("held_votes").asLong()).isEqualTo(1);
        assertThat(api.get("/api/videos/" + video, owner.token()).body().path("held_votes").asLong()).isEqualTo(1);

        String token = Mailbox.of(fan.email()).awaitMail(1).tokenOf("/confirmar");
        assertThat(api.post("/api/auth/verify", null, Map.of("token", token)).status()).isEqualTo(200);

        assertThat(mine(owner, video).path("votes").asLong()).isEqualTo(1);
        assertThat(mine(owner, video).path("held_votes").asLong()).isZero();
    }

    @Test
    void heldVotesOfAnAccountStillUnconfirmedAfterSevenDaysAreDropped() throws InterruptedException {
        contest.set(contest.organizer(), Map.of("name", "Edición de prueba"));
        Player owner = api.newPlayer("Cali");
        UUID video = contest.publishedVideo(owner, "caduca");
        Player fresh = api.newUnconfirmedPlayer("Fan", "Cali");
        Player old = api.newUnconfirmedPlayer("Fan", "Cali");
        api.post("/api/public/videos/" + video + "/vote", fresh.token(), null);
        api.post("/api/public/videos/" + video + "/vote", old.token(), null);
        assertThat(mine(owner, video).path("held_votes").asLong()).isEqualTo(2);

        // The clock, moved for one account: it signed up eight days ago and never confirmed.
        TestPlatform.database().update("UPDATE users SET created_at = now() - interval '8 days' WHERE id = ?", old.id());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (mine(owner, video).path("held_votes").asLong() > 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(mine(owner, video).path("held_votes").asLong()).as("only the week-old account's").isEqualTo(1);
        assertThat(mine(owner, video).path("votes").asLong()).isZero();
        assertThat(TestPlatform.database().count("SELECT count(*) FROM votes WHERE user_id = ?", old.id())).isZero();
    }

    @Test
    void withNoEditionAnUnconfirmedVoteCountsAtOnceAsTheAssignmentSays() {
        Player owner = api.newPlayer("Cali");
        UUID video = contest.publishedVideo(owner, "sin edición");
        Reply vote = api.post("/api/public/videos/" + video + "/vote", api.newUnconfirmedPlayer("Fan", "Cali").token(),
                null);
        assertThat(vote.status()).isEqualTo(200);
        assertThat(vote.body().has("held")).isFalse();
        assertThat(mine(owner, video).path("votes").asLong()).isEqualTo(1);
    }

    private com.fasterxml.jackson.databind.JsonNode mine(Player owner, UUID video) {
        for (var item : api.get("/api/videos", owner.token()).body()) {
            if (item.path("video_id").asText().equals(video.toString())) {
                return item;
            }
        }
        throw new AssertionError("video not listed");
    }
}
