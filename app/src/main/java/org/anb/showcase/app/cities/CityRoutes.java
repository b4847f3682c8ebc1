package org.anb.showcase.app.cities;

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
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.app.http.PublicPages;
import org.anb.showcase.app.http.StaffInput;
import org.anb.showcase.app.staff.StaffGate;
import org.anb.showcase.core.db.Transactions;

/** The sign-up form's autocomplete (anyone), the organizers' list of cities and their merges. */
public final class CityRoutes {
    private static final int SUGGESTIONS = 10;

    private final DbClient db;
    private final CityRepository cities;
    private final AuditLog audit;
    private final StaffGate gate;
    private final PublicPages pages;

    public CityRoutes(DbClient db, CityRepository cities, AuditLog audit, StaffGate gate, PublicPages pages) {
        this.db = db;
        this.cities = cities;
        this.audit = audit;
        this.gate = gate;
        this.pages = pages;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/public/cities", this::suggest),
                gate.get("/api/admin/cities", Role.ORGANIZER, this::list),
                gate.post("/api/admin/cities/merge", Role.ORGANIZER, this::merge));
    }

    record Suggestion(String city, long players) {
    }

    private void suggest(ServerRequest req, ServerResponse res) {
        String q = Paging.textParam(req.query(), "q").orElse("");
        Json.ok(res, q.isEmpty() ? List.of() : cities.matching(q, SUGGESTIONS).stream()
                .map(c -> new Suggestion(c.city(), c.players())).toList());
    }

    private void list(Caller organizer, ServerRequest req, ServerResponse res) {
        Json.ok(res, cities.all());
    }

    private void merge(Caller organizer, ServerRequest req, ServerResponse res) {
        JsonBody body = Json.readObject(req);
        String from = StaffInput.required(body, "from", 100);
        String into = StaffInput.required(body, "into", 100);
        long moved = Transactions.inTransaction(db, tx -> {
            if (tx.get("SELECT city_key(?) = city_key(?) AS same", from, into)
                    .map(row -> Boolean.TRUE.equals(row.column("same").get(Boolean.class))).orElse(false)) {
                throw new ApiException(400, "Datos inválidos.", Map.of("into", "Ya es la misma ciudad."));
            }
            long accounts = cities.merge(tx, from, into);
            audit.record(tx, AuditLog.Entry.of(organizer.id(), "city.merge", from + " → " + into, null)
                    .withNote(accounts + " cuentas"));
            return accounts;
        });
        pages.changed();
        Json.ok(res, Map.of("message", "Ciudades unificadas.", "moved", moved));
    }
}
