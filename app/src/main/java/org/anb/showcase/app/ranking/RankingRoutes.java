package org.anb.showcase.app.ranking;

import java.util.List;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.contest.CurrentEdition;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.app.http.PublicPages;

/** {@code /api/public/rankings}: players by votes on their published videos, overall or in one city. */
public final class RankingRoutes {
    private final RankingRepository rankings;
    private final PublicPages pages;
    private final CurrentEdition edition;

    public RankingRoutes(RankingRepository rankings, PublicPages pages, CurrentEdition edition) {
        this.rankings = rankings;
        this.pages = pages;
        this.edition = edition;
    }

    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/public/rankings", this::rankings));
    }

    private void rankings(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.from(req.query());
        var city = Paging.textParam(req.query(), "city");
        boolean withPlayerIds = expandsPlayer(req);
        CurrentEdition.PublicCounts counts = edition.publicCounts();
        pages.send(req, res, (counts.hidden() ? "rankings:counts-hidden" : "rankings") + (withPlayerIds ? ":ids" : ""),
                city, paging, counts.maxAgeSeconds(),
                () -> rankings.page(city, paging, withPlayerIds).stream().map(row -> counts.hidden() ? row.withoutVotes() : row)
                        .toList());
    }

    /** {@code expand=player}: each row also names its player, for clients that link to the player's page. */
    private static boolean expandsPlayer(ServerRequest req) {
        return switch (req.query().first("expand").orElse("")) {
            case "" -> false;
            case "player" -> true;
            default -> throw ApiException.badRequest(Paging.INVALID);
        };
    }
}
