package org.anb.showcase.app.gallery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.auth.Authenticator;
import org.anb.showcase.app.contest.CurrentEdition;
import org.anb.showcase.app.contest.EditionRules;
import org.anb.showcase.app.limits.ClientAddresses;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.app.http.PublicPages;
import org.anb.showcase.app.limits.ClientLimit;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.app.http.PathIds;

/**
 * {@code /api/public/videos}: the public gallery (no login; a logged-in caller also learns which videos they voted
 * for) and voting (login).
 */
public final class GalleryRoutes {
    private final GalleryRepository gallery;
    private final VoteWriter votesWritten;
    private final Authenticator auth;
    private final PublicProfiles profiles;
    private final ClientLimit votes;
    private final PublicPages pages;
    private final EditionRules rules;
    private final CurrentEdition edition;
    private final ClientAddresses clients;

    public GalleryRoutes(GalleryRepository gallery, VoteWriter votesWritten, Authenticator auth, PublicProfiles profiles,
                         ClientLimit votes, PublicPages pages, EditionRules rules, CurrentEdition edition,
                         ClientAddresses clients) {
        this.gallery = gallery;
        this.votesWritten = votesWritten;
        this.auth = auth;
        this.profiles = profiles;
        this.votes = votes;
        this.pages = pages;
        this.rules = rules;
        this.edition = edition;
        this.clients = clients;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/public/videos", this::list),
                Endpoint.post("/api/public/videos/{video_id}/vote", this::vote));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.from(req.query());
        GalleryQuery query = GalleryQuery.from(req.query());
        var viewer = auth.optionalUser(req);
        CurrentEdition.PublicCounts counts = edition.publicCounts();
        pages.send(req, res, counts.hidden() ? "videos:counts-hidden" : "videos", query, paging,
                counts.maxAgeSeconds(), () -> gallery.published(query, paging, viewer).stream()
                    .map(v -> profiles.item(v, counts.hidden()))
                    .toList());
    }

    private void vote(ServerRequest req, ServerResponse res) {
        UUID voter = auth.requireUser(req);
        rules.requireVotingOpen();
        votes.take(req);
        UUID videoId = PathIds.videoId(req);
        switch (votesWritten.vote(new GalleryRepository.Ballot(videoId, voter, clients.networkOf(req)))) {
            case COUNTED -> {
                pages.changed();
                Json.ok(res, Map.of("message", "Voto registrado exitosamente."));
            }
            case HELD -> Json.ok(res, Map.of("message", "Voto registrado exitosamente.", "held", true));
            case ALREADY_VOTED -> throw ApiException.badRequest("Ya has votado por este video.");
            case NOT_VOTABLE -> throw ApiException.videoNotFound();
            case OWN_VIDEO -> throw new ApiException(403, "No puedes votar por tu propio video.");
        }
    }
}
