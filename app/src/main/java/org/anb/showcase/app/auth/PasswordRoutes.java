package org.anb.showcase.app.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.app.http.JsonBody;
import org.anb.showcase.app.limits.ClientLimit;

/** {@code /api/auth/password/*}: forgot, reset, change. */
public final class PasswordRoutes {
    private final PasswordChanges passwords;
    private final Authenticator auth;
    private final ClientLimit mailings;

    public PasswordRoutes(PasswordChanges passwords, Authenticator auth, ClientLimit mailings) {
        this.passwords = passwords;
        this.auth = auth;
        this.mailings = mailings;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/auth/password/forgot", this::forgot),
                Endpoint.post("/api/auth/password/reset", this::reset),
                Endpoint.post("/api/auth/password/change", this::change));
    }

    private void forgot(ServerRequest req, ServerResponse res) {
        String email = Json.readObject(req).text("email").map(String::strip).orElse("");
        if (email.isEmpty()) {
            throw new ApiException(400, "Datos inválidos.", Map.of("email", "Este campo es obligatorio."));
        }
        mailings.take(req);
        passwords.forgot(email);
        Json.send(res, 202, Map.of("message",
                "Si existe una cuenta con ese correo, te enviamos un enlace para restablecer la contraseña."));
    }

    private void reset(ServerRequest req, ServerResponse res) {
        JsonBody body = Json.readObject(req);
        Map<String, String> errors = new LinkedHashMap<>();
        String password = SignupForm.newPassword(body, errors);
        String token = body.text("token").orElse("");
        if (token.isBlank()) {
            errors.put("token", "Este campo es obligatorio.");
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Datos inválidos.", errors);
        }
        passwords.reset(token, password);
        Json.ok(res, Map.of("message", "Contraseña restablecida. Inicia sesión con la nueva."));
    }

    private void change(ServerRequest req, ServerResponse res) {
        TokenService.VerifiedToken token = auth.requireToken(req);
        JsonBody body = Json.readObject(req);
        Map<String, String> errors = new LinkedHashMap<>();
        String current = body.text("current_password").orElse("");
        if (current.isEmpty()) {
            errors.put("current_password", "Este campo es obligatorio.");
        }
        String password = SignupForm.newPassword(body, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Datos inválidos.", errors);
        }
        passwords.change(token.userId(), token.tokenId(), current, password);
        Json.ok(res, Map.of("message", "Contraseña cambiada. Tus otras sesiones se cerraron."));
    }
}
