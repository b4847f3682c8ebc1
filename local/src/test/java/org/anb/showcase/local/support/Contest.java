package org.anb.showcase.local.support;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.anb.showcase.local.support.ApiClient.Player;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Staff and editions for the contest's tests on the shared platform: staff accounts are players given a role in the
 * database (as the operator's command does), and {@link #clear} takes the edition away again so that the other test
 * classes keep running against "no edition configured".
 */
public final class Contest implements AfterEachCallback {
    private final ApiClient api;

    public Contest(ApiClient api) {
        this.api = api;
    }

    public Player organizer() {
        return staff("organizer");
    }

    public Player moderator() {
        return staff("moderator");
    }

    private Player staff(String role) {
        Player player = api.newPlayer("Staff", "Bogotá");
        TestPlatform.database().update("UPDATE users SET role = ? WHERE id = ?", role, player.id());
        return player;
    }

    /** An edition with these settings over an open one (entries and voting open, no limits), set by an organizer. */
    public ApiClient.Reply set(Player organizer, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Edición de prueba");
        body.putAll(settings);
        return api.put("/api/admin/contest", organizer.token(), body);
    }

    public static String inMinutes(long minutes) {
        return OffsetDateTime.now().plusMinutes(minutes).toString();
    }

    /** No edition any more (results included): the assignment's behaviour for whatever runs next. */
    /** As a registered extension: no edition leaks into the next test. */
    @Override
    public void afterEach(ExtensionContext context) {
        clear();
    }

    public static void clear() {
        TestPlatform.database().update("DELETE FROM contest");
    }

    /** A published video of a new player in {@code city}. */
    public UUID publishedVideo(Player owner, String title) {
        UUID video = api.uploadSample(owner, title);
        TestPlatform.database().markProcessed(video);
        return video;
    }

    /** {@code count} votes from new, confirmed fans. */
    public void votes(UUID video, int count) {
        votes(video, count, true);
    }

    /** {@code count} votes from new fans who never confirmed their e-mail (counted only while no edition runs). */
    public void unconfirmedVotes(UUID video, int count) {
        votes(video, count, false);
    }

    private void votes(UUID video, int count, boolean confirmed) {
        for (int i = 0; i < count; i++) {
            Player fan = confirmed ? api.newPlayer("Fan") : api.newUnconfirmedPlayer("Fan", "Cali");
            int status = api.post("/api/public/videos/" + video + "/vote", fan.token(), null).status();
            if (status != 200) {
                throw new IllegalStateException("vote refused: " + status);
            }
        }
    }
}
