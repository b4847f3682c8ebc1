package org.anb.showcase.app.auth;

import java.util.List;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.contest.CurrentEdition;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.app.http.JsonBody;
import org.anb.showcase.app.limits.ClientAddresses;
import org.anb.showcase.app.limits.ClientLimit;

/** {@code /api/auth}: signup and login. */
public final class AuthRoutes {
    private final AccountService accounts;
    private final TokenService tokens;
    private final ClientAddresses clients;
    private final ClientLimit signups;

    private final Authenticator auth;
    private final UserRepository users;
    private final EmailConfirmation confirmation;
    private final ClientLimit mailings;
    private final SignupChallenge challenges;
    private final CurrentEdition edition;

    public AuthRoutes(AccountService accounts, TokenService tokens, ClientAddresses clients, ClientLimit signups,
                      Authenticator auth, UserRepository users, EmailConfirmation confirmation, ClientLimit mailings,
                      SignupChallenge challenges, CurrentEdition edition) {
        this.challenges = challenges;
        this.edition = edition;
        this.confirmation = confirmation;
        this.mailings = mailings;
        this.accounts = accounts;
        this.tokens = tokens;
        this.clients = clients;
        this.signups = signups;
        this.auth = auth;
        this.users = users;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/auth/signup", this::signup),
                Endpoint.post("/api/auth/login", this::login),
                Endpoint.post("/api/auth/logout", this::logout),
                Endpoint.get("/api/auth/me", this::me),
                Endpoint.post("/api/auth/verify", this::verify),
                Endpoint.get("/api/auth/challenge", this::challenge),
                Endpoint.post("/api/auth/verify/resend", this::resendVerification));
    }

    private void signup(ServerRequest req, ServerResponse res) {
        signups.take(req);
        JsonBody body = Json.readObject(req);
        SignupForm form = SignupForm.parse(body);
        form.personal().requireConsent(edition.get());
        if (edition.get().signupChallenge() && !challenges.accept(body.text("altcha").orElse(null))) {
            throw new ApiException(400, "Datos de registro inválidos.",
                    Map.of("altcha", "Completa la verificación antirrobots e intenta de nuevo."));
        }
        var userId = accounts.signup(form);
        Json.send(res, 201, Map.of("message", "Usuario creado exitosamente.", "user_id", userId.toString()));
    }

    private void login(ServerRequest req, ServerResponse res) {
        JsonBody body = Json.readObject(req);
        String email = body.text("email").orElse("");
        String password = body.text("password").orElse("");
        if (email.isBlank() || password.isEmpty()) {
            throw new ApiException(400, "Datos de inicio de sesión inválidos.", missing(email, password));
        }
        String token = accounts.login(email, password, clients.keyOf(req));
        Json.ok(res, Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", tokens.lifetime().toSeconds()));
    }

    /** A proof-of-work challenge for the sign-up form (the ALTCHA widget solves it in the browser). */
    private void challenge(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        Json.ok(res, challenges.create());
    }

    /** Uses the confirmation link's token: the account is confirmed and its held votes count. */
    private void verify(ServerRequest req, ServerResponse res) {
        String token = Json.readObject(req).text("token").orElse("");
        if (!confirmation.confirm(token)) {
            throw new ApiException(400, "El enlace de confirmación no es válido o ya expiró.",
                    Map.of("token", "Pide un enlace nuevo desde tu cuenta."));
        }
        Json.ok(res, Map.of("message", "Correo confirmado."));
    }

    /** Mails a new confirmation link (nothing when the account is already confirmed). */
    private void resendVerification(ServerRequest req, ServerResponse res) {
        Caller caller = auth.requireCaller(req);
        mailings.take(req);
        confirmation.resend(caller.id());
        Json.send(res, 202, Map.of("message", "Si tu correo aún no está confirmado, te enviamos un enlace nuevo."));
    }

    /** The caller's own account, with the role the site uses to show the staff pages. */
    private void me(ServerRequest req, ServerResponse res) {
        Caller caller = auth.requireCaller(req);
        Json.ok(res, users.profile(caller.id()).orElseThrow(ApiException::unauthorized));
    }

    /** Revokes the caller's token on the server: a copy of it (in a log, in a stolen backup) no longer works. */
    private void logout(ServerRequest req, ServerResponse res) {
        TokenService.VerifiedToken token = auth.requireToken(req);
        users.revoke(token.tokenId(), token.expiresAt());
        Json.ok(res, Map.of("message", "Sesión cerrada."));
    }

    private static Map<String, String> missing(String email, String password) {
        var errors = new java.util.LinkedHashMap<String, String>();
        if (email.isBlank()) {
            errors.put("email", "Este campo es obligatorio.");
        }
        if (password.isEmpty()) {
            errors.put("password", "Este campo es obligatorio.");
        }
        return errors;
    }
}
