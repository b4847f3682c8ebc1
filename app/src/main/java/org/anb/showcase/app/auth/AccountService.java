package org.anb.showcase.app.auth;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbClientException;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.core.db.DbFailures;

/** Signing up and logging in. */
public final class AccountService {
    private static final String BAD_CREDENTIALS = "Credenciales inválidas.";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;

    public AccountService(UserRepository users, PasswordHasher hasher, TokenService tokens) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    public UUID signup(SignupForm form) {
        UUID id = UUID.randomUUID();
        try {
            users.insert(id, form, hasher.hash(form.password()));
        } catch (DbClientException e) {
            if (DbFailures.isUniqueViolation(e)) {
                throw new ApiException(400, "Datos de registro inválidos.",
                        Map.of("email", "Ya existe una cuenta con este correo electrónico."));
            }
            throw e;
        }
        return id;
    }

    /** A token for the account, or 401 — the same answer, after the same work, for an unknown e-mail. */
    public String login(String email, String password) {
        Optional<UserRepository.StoredCredentials> stored = users.credentialsFor(email.strip());
        if (stored.isEmpty()) {
            hasher.matchNothing(password);
            throw new ApiException(401, BAD_CREDENTIALS);
        }
        if (!hasher.matches(password, stored.get().passwordHash())) {
            throw new ApiException(401, BAD_CREDENTIALS);
        }
        return tokens.issue(stored.get().userId());
    }
}
