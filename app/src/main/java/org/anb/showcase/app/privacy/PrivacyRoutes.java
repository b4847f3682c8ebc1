package org.anb.showcase.app.privacy;

import java.util.List;
import java.util.Map;

import io.helidon.dbclient.DbClient;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.auth.Authenticator;
import org.anb.showcase.app.auth.GuardianConsent;
import org.anb.showcase.app.auth.PasswordChanges;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.app.http.PublicPages;
import org.anb.showcase.app.videos.ObjectDeletions;

/** The rights Ley 1581 gives a person over their data: a guardian's authorisation, access (export) and erasure. */
public final class PrivacyRoutes {
    private final Authenticator auth;
    private final GuardianConsent guardians;
    private final PersonalDataExport exports;
    private final AccountErasure erasure;
    private final PublicPages pages;

    public PrivacyRoutes(DbClient db, Authenticator auth, GuardianConsent guardians, PasswordChanges passwords,
                         ObjectDeletions deletions, PublicPages pages) {
        this.auth = auth;
        this.pages = pages;
        this.guardians = guardians;
        this.exports = new PersonalDataExport(db);
        this.erasure = new AccountErasure(db, passwords, deletions);
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/auth/guardian/confirm", this::confirmGuardian),
                Endpoint.get("/api/me/export", this::export),
                Endpoint.delete("/api/me", this::erase));
    }

    private void confirmGuardian(ServerRequest req, ServerResponse res) {
        if (!guardians.confirm(Json.readObject(req).text("token").orElse(""))) {
            throw new ApiException(400, "El enlace de autorización no es válido o ya expiró.");
        }
        pages.changed(); // the minor's waiting videos went public
        Json.ok(res, Map.of("message", "Autorización registrada. Gracias: sus videos ya pueden publicarse."));
    }

    private void export(ServerRequest req, ServerResponse res) {
        Json.ok(res, exports.of(auth.requireUser(req)).orElseThrow(ApiException::unauthorized));
    }

    private void erase(ServerRequest req, ServerResponse res) {
        var user = auth.requireUser(req);
        erasure.erase(user, Json.readObject(req).text("password").orElse(""));
        pages.changed(); // their videos left the gallery and their votes the rankings
        Json.ok(res, Map.of("message", "Tu cuenta y tus datos fueron eliminados."));
    }
}
