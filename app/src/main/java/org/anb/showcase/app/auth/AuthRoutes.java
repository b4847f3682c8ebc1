package org.anb.showcase.app.auth;

import java.util.List;
import java.util.Map;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.app.http.JsonBody;

/** {@code /api/auth}: signup and login. */
public final class AuthRoutes {
    private final AccountService accounts;
    private final TokenService tokens;
    private final int trustedProxyHops;

    /**
     * @param trustedProxyHops how many proxies of ours append to X-Forwarded-For before the request reaches us
     *                         (2 in AWS: CloudFront, then the ALB); 0 uses the TCP peer
     */
    public AuthRoutes(AccountService accounts, TokenService tokens, int trustedProxyHops) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.trustedProxyHops = trustedProxyHops;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/auth/signup", this::signup),
                Endpoint.post("/api/auth/login", this::login));
    }

    private void signup(ServerRequest req, ServerResponse res) {
        SignupForm form = SignupForm.parse(Json.readObject(req));
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
        String token = accounts.login(email, password, clientAddress(req));
        Json.ok(res, Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", tokens.lifetime().toSeconds()));
    }

    /**
     * The client's address for throttling. Entries a client writes into X-Forwarded-For itself come first and are
     * ignored: the address our first proxy saw is {@code trustedProxyHops} entries from the end.
     */
    private String clientAddress(ServerRequest req) {
        if (trustedProxyHops > 0) {
            String[] hops = req.headers().first(io.helidon.http.HeaderNames.X_FORWARDED_FOR).orElse("").split(",");
            if (hops.length >= trustedProxyHops && !hops[hops.length - trustedProxyHops].isBlank()) {
                return hops[hops.length - trustedProxyHops].strip();
            }
        }
        return req.remotePeer().host();
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
