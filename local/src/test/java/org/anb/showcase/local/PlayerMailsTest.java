package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Player;
import org.anb.showcase.local.support.Contest;
import org.anb.showcase.local.support.Mailbox;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

/**
 * A player hears about their video by mail, read over IMAP: processed, failed with its reason, disqualified with its
 * reason; each mail links to Mis videos on the site. (Finalists: {@code ResultsTest}.)
 */
class PlayerMailsTest {
    private final ApiClient api = TestPlatform.api();
    private final Contest contest = new Contest(api);

    @Test
    void aProcessedVideoIsAnnouncedWithALinkToMisVideos() {
        Player player = api.newPlayer("Ana", "Cali");
        contest.publishedVideo(player, "doble en la pintura");

        Mailbox.Mail mail = Mailbox.of(player.email()).awaitMailAbout("Tu video está listo");

        assertThat(mail.body()).contains("\"doble en la pintura\"", "publicado para votación",
                TestPlatform.platform().apiUrl() + "/mis-videos").doesNotContain("{{site}}");
    }

    @Test
    void aFailedVideoIsAnnouncedWithItsReason() {
        Player player = api.newPlayer("Ana", "Cali");
        UUID video = api.uploadSample(player, "sin imagen");
        TestPlatform.database().update("UPDATE videos SET status = 'failed', failure_reason = ? WHERE id = ?",
                "El archivo no tiene pista de video.", video);

        assertThat(Mailbox.of(player.email()).awaitMailAbout("No pudimos procesar tu video").body())
                .contains("\"sin imagen\": El archivo no tiene pista de video.");
    }

    @Test
    void aDisqualificationIsAnnouncedWithItsReasonAndTheAppeal() {
        Player player = api.newPlayer("Ana", "Cali");
        UUID video = contest.publishedVideo(player, "de otro");
        assertThat(api.post("/api/admin/videos/" + video + "/disqualify", contest.moderator().token(),
                Map.of("reason", "video de otro jugador")).status()).isEqualTo(200);

        assertThat(Mailbox.of(player.email()).awaitMailAbout("descalificado").body())
                .contains("Motivo: video de otro jugador", "apelar una vez");
    }
}
