package org.anb.showcase.app.ranking;

import java.util.List;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.app.http.PublicRead;

/** {@code /api/public/rankings}: players by votes on their published videos, overall or in one city. */
public final class RankingRoutes {
    private final RankingRepository rankings;

    public RankingRoutes(RankingRepository rankings) {
        this.rankings = rankings;
    }

    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/public/rankings", this::rankings));
    }

    private void rankings(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.from(req.query());
        PublicRead.send(req, res, rankings.page(Paging.textParam(req.query(), "city"), paging));
    }
}
