package org.anb.showcase.app.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.audit.AuditLog;
import org.anb.showcase.app.auth.Caller;
import org.anb.showcase.app.auth.Role;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.app.http.JsonBody;
import org.anb.showcase.app.http.MediaLinks;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.app.http.PathIds;
import org.anb.showcase.app.http.PublicPages;
import org.anb.showcase.app.http.StaffInput;
import org.anb.showcase.app.staff.StaffGate;
import org.anb.showcase.core.db.Transactions;

/**
 * The moderators' queue and decisions: approve, disqualify, reinstate — each with a reason, each audited in the
 * same transaction, each resolving the video's open reports so their reporters learn the outcome.
 */
public final class ModerationRoutes {
    private final DbClient db;
    private final ModerationRepository moderation;
    private final AuditLog audit;
    private final StaffGate gate;
    private final MediaLinks links;
    private final PublicPages pages;

    public ModerationRoutes(DbClient db, ModerationRepository moderation, AuditLog audit, StaffGate gate,
                            MediaLinks links, PublicPages pages) {
        this.db = db;
        this.moderation = moderation;
        this.audit = audit;
        this.gate = gate;
        this.links = links;
        this.pages = pages;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                gate.get("/api/admin/videos", Role.MODERATOR, this::queue),
                gate.get("/api/admin/videos/{video_id}/reports", Role.MODERATOR, this::reports),
                gate.post("/api/admin/videos/{video_id}/approve", Role.MODERATOR, this::approve),
                gate.post("/api/admin/videos/{video_id}/disqualify", Role.MODERATOR, this::disqualify),
                gate.post("/api/admin/videos/{video_id}/reinstate", Role.MODERATOR, this::reinstate));
    }

    /** A queue item as staff see it: the preview's links, the open reports by reason, the appeal. */
    record QueueItem(UUID videoId, String title, UUID playerId, String playerName, String city, String status,
                     String processedUrl, String posterUrl, Instant uploadedAt, boolean published, long votes,
                     boolean disqualified, String disqualificationReason, long reportCount, Map<String, Long> reasons,
                     ModerationRepository.Appeal appeal) {
    }

    private void queue(Caller staff, ServerRequest req, ServerResponse res) {
        String state = req.query().first("state").orElse("reported");
        if (!ModerationRepository.isQueue(state)) {
            throw ApiException.badRequest("Parámetro inválido en la consulta.");
        }
        Json.ok(res, moderation.queue(state, Paging.from(req.query())).stream()
                .map(v -> new QueueItem(v.videoId(), v.title(), v.playerId(), v.playerName(), v.city(), v.status(),
                        links.to(v.processedKey()), links.to(v.posterKey()), v.uploadedAt(), v.published(), v.votes(),
                        v.disqualified(), v.disqualificationReason(), v.reportCount(), v.reasons(), v.appeal()))
                .toList());
    }

    private void reports(Caller staff, ServerRequest req, ServerResponse res) {
        Json.ok(res, moderation.reportsOf(PathIds.videoId(req)));
    }

    private void approve(Caller staff, ServerRequest req, ServerResponse res) {
        UUID videoId = PathIds.videoId(req);
        String reason = StaffInput.optional(Json.readObject(req), "reason", 500).orElse(null);
        decide(staff, videoId, "video.approve", reason, null, (tx, facts) -> {
            if (facts.disqualified()) {
                throw new ApiException(409, "El video está descalificado: usa reinstate.");
            }
            moderation.approve(tx, videoId);
        });
        Json.ok(res, Map.of("message", "Video aprobado.", "video_id", videoId.toString()));
    }

    private void disqualify(Caller staff, ServerRequest req, ServerResponse res) {
        UUID videoId = PathIds.videoId(req);
        JsonBody body = Json.readObject(req);
        String reason = StaffInput.reason(body);
        String note = StaffInput.note(body).orElse(null);
        // On a disqualified video with a pending appeal, disqualifying again upholds the decision.
        decide(staff, videoId, "video.disqualify", reason, note, (tx, facts) -> {
            if (facts.disqualified() && !facts.appealPending()) {
                throw new ApiException(409, "El video ya está descalificado.");
            }
            moderation.disqualify(tx, videoId, reason, facts.appealPending());
        });
        Json.ok(res, Map.of("message", "Video descalificado.", "video_id", videoId.toString()));
    }

    private void reinstate(Caller staff, ServerRequest req, ServerResponse res) {
        UUID videoId = PathIds.videoId(req);
        String reason = StaffInput.reason(Json.readObject(req));
        decide(staff, videoId, "video.reinstate", reason, null, (tx, facts) -> {
            if (!facts.disqualified()) {
                throw new ApiException(409, "El video no está descalificado.");
            }
            moderation.reinstate(tx, videoId);
        });
        Json.ok(res, Map.of("message", "Video restablecido.", "video_id", videoId.toString()));
    }

    /** Locks the video, lets the decision check its facts and take effect, and audits it: one transaction. */
    private void decide(Caller staff, UUID videoId, String action, String reason, String note,
                        BiConsumer<DbExecute, ModerationRepository.Facts> decision) {
        Transactions.inTransaction(db, tx -> {
            decision.accept(tx, moderation.lock(tx, videoId).orElseThrow(ApiException::videoNotFound));
            audit.record(tx, new AuditLog.Entry(staff.id(), action, videoId.toString(), reason, note));
            return null;
        });
        pages.changed();
    }
}
