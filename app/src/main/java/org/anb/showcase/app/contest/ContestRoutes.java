package org.anb.showcase.app.contest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.dbclient.DbClient;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.audit.AuditLog;
import org.anb.showcase.app.auth.Caller;
import org.anb.showcase.app.auth.Role;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.app.http.JsonBody;
import org.anb.showcase.app.http.PublicPages;
import org.anb.showcase.app.staff.StaffGate;
import org.anb.showcase.core.db.Transactions;

/** {@code /api/public/contest} (anyone) and {@code PUT /api/admin/contest} (organizers): the edition's settings. */
public final class ContestRoutes {
    private final DbClient db;
    private final EditionRepository editions;
    private final CurrentEdition current;
    private final AuditLog audit;
    private final StaffGate gate;
    private final PublicPages pages;

    public ContestRoutes(DbClient db, EditionRepository editions, CurrentEdition current, AuditLog audit,
                         StaffGate gate, PublicPages pages) {
        this.db = db;
        this.editions = editions;
        this.current = current;
        this.audit = audit;
        this.gate = gate;
        this.pages = pages;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/public/contest", this::show),
                gate.put("/api/admin/contest", Role.ORGANIZER, this::update));
    }

    private void show(ServerRequest req, ServerResponse res) {
        Json.ok(res, view(current.get(), current.now()));
    }

    private void update(Caller organizer, ServerRequest req, ServerResponse res) {
        JsonBody body = Json.readObject(req);
        EditionSettings settings = EditionSettings.parse(body);
        boolean newEdition = body.bool("new_edition").orElse(false);
        Edition saved = Transactions.inTransaction(db, tx -> {
            Edition before = editions.current().orElse(Edition.NONE);
            if (before.resultsPublished() && !newEdition) {
                throw new ApiException(409, "Los resultados de esta edición ya están publicados: "
                        + "para la siguiente, envía new_edition: true.");
            }
            Edition edition = editions.save(tx, settings, newEdition);
            audit.record(tx, AuditLog.Entry.of(organizer.id(), newEdition || !before.configured()
                    ? "contest.create" : "contest.update", "contest:" + edition.id(), null)
                    .withNote(settings.toString()));
            return edition;
        });
        current.changed();
        pages.changed();
        Json.ok(res, view(saved, current.now()));
    }

    /** The contract's shape of {@code GET /api/public/contest}: settings plus what they mean now. */
    static Map<String, Object> view(Edition e, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", e.name());
        body.put("entries_open", e.entriesOpen(now));
        body.put("voting_open", e.votingOpen(now));
        body.put("results_published", e.resultsPublished());
        body.put("entries_open_at", e.entriesOpenAt());
        body.put("entries_close_at", e.entriesCloseAt());
        body.put("voting_open_at", e.votingOpenAt());
        body.put("voting_close_at", e.votingCloseAt());
        body.put("counts_hidden_from", e.countsHiddenFrom());
        body.put("max_entries_per_player", e.maxEntriesPerPlayer());
        body.put("moderation", e.moderation());
        body.put("rules", e.rules());
        body.put("signup_challenge", e.signupChallenge());
        body.put("consent_required", e.consentRequired());
        body.put("privacy_notice_version", e.privacyNoticeVersion());
        body.put("alert_threshold", e.alertThreshold());
        return body;
    }
}
