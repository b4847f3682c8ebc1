package org.anb.showcase.app.staff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import org.anb.showcase.app.http.PathIds;
import org.anb.showcase.app.http.StaffInput;
import org.anb.showcase.core.db.Transactions;

/**
 * People in charge and sanctions: finding accounts, granting and revoking staff roles (organizers), suspending,
 * banning and restoring players (moderators), and reading the audit log (organizers). Every change is audited in its
 * own transaction; a sanction or role change holds on every instance at the caller's next request, because each
 * request reads the account's current row.
 */
public final class StaffRoutes {
    private final DbClient db;
    private final StaffRepository accounts;
    private final AuditLog audit;
    private final StaffGate gate;

    public StaffRoutes(DbClient db, StaffRepository accounts, AuditLog audit, StaffGate gate) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
        this.gate = gate;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                gate.get("/api/admin/users", Role.MODERATOR, this::search),
                gate.put("/api/admin/staff/{user_id}", Role.ORGANIZER, this::grant),
                gate.post("/api/admin/users/{user_id}/suspend", Role.MODERATOR, this::suspend),
                gate.post("/api/admin/users/{user_id}/ban", Role.MODERATOR, this::ban),
                gate.post("/api/admin/users/{user_id}/restore", Role.MODERATOR, this::restore),
                gate.get("/api/admin/audit", Role.ORGANIZER, this::auditLog));
    }

    private void search(Caller staff, ServerRequest req, ServerResponse res) {
        Paging paging = Paging.from(req.query());
        Optional<String> q = Paging.textParam(req.query(), "q");
        boolean staffOnly = req.query().first("staff").map("true"::equals).orElse(false);
        Json.ok(res, accounts.search(q, staffOnly, paging));
    }

    private void grant(Caller organizer, ServerRequest req, ServerResponse res) {
        UUID target = PathIds.userId(req);
        JsonBody body = Json.readObject(req);
        Role role = body.text("role").flatMap(Role::fromWire).orElseThrow(() -> new ApiException(400,
                "Datos inválidos.", Map.of("role", "Uno de: player, moderator, organizer.")));
        Transactions.inTransaction(db, tx -> {
            StaffRepository.Account account = accounts.find(tx, target).orElseThrow(PathIds::userNotFound);
            if (account.currentRole() == Role.ORGANIZER && role != Role.ORGANIZER
                    && accounts.organizersOtherThan(tx, target) == 0) {
                throw new ApiException(409, "Debe quedar al menos un organizador.");
            }
            accounts.setRole(tx, target, role);
            audit.record(tx, AuditLog.Entry.of(organizer.id(), "staff.role", target, null)
                    .withNote(account.role() + " → " + role.wireName()));
            return null;
        });
        Json.ok(res, Map.of("user_id", target.toString(), "role", role.wireName()));
    }

    private void suspend(Caller staff, ServerRequest req, ServerResponse res) {
        JsonBody body = Json.readObject(req);
        Optional<Instant> until = StaffInput.instant(body, "until");
        if (until.isPresent() && !until.get().isAfter(Instant.now())) {
            throw new ApiException(400, "Datos inválidos.", Map.of("until", "Debe ser una fecha futura."));
        }
        sanction(staff, req, body, "suspended", until.orElse(null), "user.suspend");
        Json.ok(res, Map.of("message", "Cuenta suspendida."));
    }

    private void ban(Caller staff, ServerRequest req, ServerResponse res) {
        sanction(staff, req, Json.readObject(req), "banned", null, "user.ban");
        Json.ok(res, Map.of("message", "Cuenta bloqueada."));
    }

    private void sanction(Caller staff, ServerRequest req, JsonBody body, String status, Instant until,
                          String action) {
        UUID target = PathIds.userId(req);
        String reason = StaffInput.reason(body);
        Transactions.inTransaction(db, tx -> {
            StaffRepository.Account account = accounts.find(tx, target).orElseThrow(PathIds::userNotFound);
            if (account.currentRole() != Role.PLAYER) {
                throw new ApiException(409, "Retira primero el rol de equipo de esta cuenta.");
            }
            accounts.sanction(tx, target, status, until, reason);
            audit.record(tx, AuditLog.Entry.of(staff.id(), action, target, reason)
                    .withNote(until == null ? null : "hasta " + until));
            return null;
        });
    }

    private void restore(Caller staff, ServerRequest req, ServerResponse res) {
        UUID target = PathIds.userId(req);
        String reason = StaffInput.reason(Json.readObject(req));
        Transactions.inTransaction(db, tx -> {
            accounts.find(tx, target).orElseThrow(PathIds::userNotFound);
            accounts.restore(tx, target);
            audit.record(tx, AuditLog.Entry.of(staff.id(), "user.restore", target, reason));
            return null;
        });
        Json.ok(res, Map.of("message", "Cuenta restablecida."));
    }

    private void auditLog(Caller organizer, ServerRequest req, ServerResponse res) {
        Json.ok(res, audit.page(Paging.from(req.query())));
    }
}
