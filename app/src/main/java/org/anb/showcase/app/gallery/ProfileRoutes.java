package org.anb.showcase.app.gallery;

import java.util.List;
import java.util.UUID;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.auth.Authenticator;
import org.anb.showcase.app.contest.CurrentEdition;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.PathIds;
import org.anb.showcase.app.http.PublicPages;

/**
 * {@code /api/public/videos/{id}} and {@code /api/public/players/{id}}: what a shared link opens, with the player's
 * place in the rankings. Anonymous reads are shared like gallery pages ({@link PublicPages}).
 */
public final class ProfileRoutes {
    private final PublicProfiles profiles;
    private final Authenticator auth;
    private final PublicPages pages;
    private final CurrentEdition edition;

    public ProfileRoutes(PublicProfiles profiles, Authenticator auth, PublicPages pages, CurrentEdition edition) {
        this.profiles = profiles;
        this.auth = auth;
        this.pages = pages;
        this.edition = edition;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/public/videos/{video_id}", this::video),
                Endpoint.get("/api/public/players/{player_id}", this::player));
    }

    private void video(ServerRequest req, ServerResponse res) {
        UUID videoId = PathIds.videoId(req);
        var viewer = auth.optionalUser(req);
        CurrentEdition.PublicCounts counts = edition.publicCounts();
        // A missing video throws out of the read: its 404 is never kept as a shared page.
        pages.send(req, res, counts.hidden() ? "video:counts-hidden" : "video", videoId, null,
                counts.maxAgeSeconds(), () -> profiles.video(videoId, viewer).orElseThrow(ApiException::videoNotFound));
    }

    private void player(ServerRequest req, ServerResponse res) {
        UUID playerId = PathIds.playerId(req);
        var viewer = auth.optionalUser(req);
        CurrentEdition.PublicCounts counts = edition.publicCounts();
        pages.send(req, res, counts.hidden() ? "player:counts-hidden" : "player", playerId, null,
                counts.maxAgeSeconds(), () -> profiles.player(playerId, viewer).orElseThrow(PathIds::playerNotFound));
    }
}
