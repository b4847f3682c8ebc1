package org.anb.showcase.app.moderation;

import java.util.Map;
import java.util.List;
import java.util.UUID;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.auth.Authenticator;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.app.http.JsonBody;
import org.anb.showcase.app.http.PathIds;
import org.anb.showcase.app.http.StaffInput;
import org.anb.showcase.app.limits.ClientLimit;

/**
 * What fans and players say to the moderators: a report of a public video (a second one by the same fan counts
 * once, and no number of reports hides a video by itself), the reporter's view of what became of their reports, and
 * the owner's one appeal of a disqualification.
 */
public final class ReportRoutes {
    private final ModerationRepository moderation;
    private final Authenticator auth;
    private final ClientLimit reports;

    public ReportRoutes(ModerationRepository moderation, Authenticator auth, ClientLimit reports) {
        this.moderation = moderation;
        this.auth = auth;
        this.reports = reports;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/public/videos/{video_id}/report", this::report),
                Endpoint.get("/api/me/reports", this::myReports),
                Endpoint.post("/api/videos/{video_id}/appeal", this::appeal));
    }

    private void report(ServerRequest req, ServerResponse res) {
        UUID reporter = auth.requireUser(req);
        reports.take(req);
        UUID videoId = PathIds.videoId(req);
        JsonBody body = Json.readObject(req);
        ReportReason reason = body.text("reason").flatMap(ReportReason::fromWire).orElseThrow(() ->
                new ApiException(400, "Datos del reporte inválidos.",
                        Map.of("reason", "Uno de: " + String.join(", ", ReportReason.wireNames()) + ".")));
        String details = StaffInput.optional(body, "details", 1000).orElse(null);
        moderation.report(videoId, reporter, reason, details).orElseThrow(ApiException::videoNotFound);
        Json.send(res, 202, Map.of("message", "Gracias: el equipo de moderación revisará el video."));
    }

    private void myReports(ServerRequest req, ServerResponse res) {
        Json.ok(res, moderation.reportsBy(auth.requireUser(req)));
    }

    private void appeal(ServerRequest req, ServerResponse res) {
        UUID owner = auth.requireUser(req);
        UUID videoId = PathIds.videoId(req);
        String message = StaffInput.required(Json.readObject(req), "message", 2000);
        if (!moderation.appeal(videoId, owner, message)) {
            throw moderation.ownerOf(videoId).map(found -> found.equals(owner)
                            ? new ApiException(409, "Solo se puede apelar una vez, y solo un video descalificado.")
                            : ApiException.forbidden())
                    .orElseGet(ApiException::videoNotFound);
        }
        Json.send(res, 202, Map.of("message", "Apelación recibida: el equipo de moderación la revisará."));
    }
}
