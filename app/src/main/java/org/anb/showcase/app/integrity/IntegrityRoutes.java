package org.anb.showcase.app.integrity;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.auth.Caller;
import org.anb.showcase.app.auth.Role;
import org.anb.showcase.app.contest.CurrentEdition;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.app.http.JsonBody;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.app.http.PathIds;
import org.anb.showcase.app.http.PublicPages;
import org.anb.showcase.app.http.StaffInput;
import org.anb.showcase.app.staff.StaffGate;

/** Votes under review (organizers): a video's integrity signals, the alerts, the votes themselves, void and restore. */
public final class IntegrityRoutes {
    private static final int TOP_NETWORKS = 10;

    private final IntegrityRepository integrity;
    private final VoteReview review;
    private final CurrentEdition edition;
    private final StaffGate gate;
    private final PublicPages pages;

    public IntegrityRoutes(IntegrityRepository integrity, VoteReview review, CurrentEdition edition, StaffGate gate,
                           PublicPages pages) {
        this.integrity = integrity;
        this.review = review;
        this.edition = edition;
        this.gate = gate;
        this.pages = pages;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                gate.get("/api/admin/videos/{video_id}/integrity", Role.ORGANIZER, this::signals),
                gate.get("/api/admin/alerts", Role.ORGANIZER, this::alerts),
                gate.get("/api/admin/votes", Role.ORGANIZER, this::votes),
                gate.post("/api/admin/votes/void", Role.ORGANIZER, (staff, req, res) -> change(staff, req, res, true)),
                gate.post("/api/admin/votes/restore", Role.ORGANIZER,
                        (staff, req, res) -> change(staff, req, res, false)));
    }

    private void signals(Caller staff, ServerRequest req, ServerResponse res) {
        UUID videoId = PathIds.videoId(req);
        IntegrityRepository.Totals totals = integrity.totals(videoId);
        SuspicionScore.Aggregates aggregates = integrity.aggregates(videoId);
        SuspicionScore.Score score = SuspicionScore.of(aggregates);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("video_id", videoId.toString());
        body.put("counted", totals.counted());
        body.put("held", totals.held());
        body.put("void", totals.voided());
        body.put("votes_per_hour", integrity.perHour(videoId));
        body.put("young_account_share", share(aggregates.young(), aggregates.votes()));
        body.put("unconfirmed_share", share(aggregates.unconfirmed(), aggregates.votes()));
        body.put("top_networks", integrity.topNetworks(videoId, TOP_NETWORKS));
        body.put("score", score.score());
        body.put("score_rules", score.points());
        body.put("alert_threshold", edition.get().alertThreshold());
        Json.ok(res, body);
    }

    record Alert(UUID videoId, int score, List<SuspicionScore.Point> scoreRules, java.time.Instant lastVote) {
    }

    private void alerts(Caller staff, ServerRequest req, ServerResponse res) {
        int threshold = edition.get().alertThreshold();
        Json.ok(res, integrity.candidates().stream()
                .map(c -> {
                    SuspicionScore.Score score = SuspicionScore.of(c.aggregates());
                    return new Alert(c.videoId(), score.score(), score.points(), c.lastVote());
                })
                .filter(alert -> alert.score() >= threshold)
                .sorted(Comparator.comparing(Alert::lastVote).reversed())
                .toList());
    }

    private void votes(Caller staff, ServerRequest req, ServerResponse res) {
        UUID videoId = queryId(req, "video_id").orElse(null);
        UUID voterId = queryId(req, "voter_id").orElse(null);
        if (videoId == null && voterId == null) {
            throw ApiException.badRequest("Indica video_id o voter_id.");
        }
        Json.ok(res, integrity.votes(videoId, voterId, Paging.from(req.query())));
    }

    private void change(Caller staff, ServerRequest req, ServerResponse res, boolean voiding) {
        JsonBody body = Json.readObject(req);
        VoteFilter filter = VoteFilter.parse(body);
        String reason = StaffInput.reason(body);
        boolean dryRun = body.bool("dry_run").orElse(false);
        VoteReview.Outcome outcome = voiding ? review.voidVotes(filter, reason, dryRun, staff.id())
                : review.restoreVotes(filter, reason, dryRun, staff.id());
        if (!dryRun) {
            pages.changed();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(voiding ? "voided" : "restored", outcome.voided());
        answer.put("dry_run", dryRun);
        answer.put("ranking_changes", outcome.rankingChanges());
        Json.ok(res, answer);
    }

    private static Optional<UUID> queryId(ServerRequest req, String name) {
        try {
            return req.query().first(name).map(String::strip).filter(s -> !s.isEmpty()).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Parámetro inválido en la consulta.");
        }
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
