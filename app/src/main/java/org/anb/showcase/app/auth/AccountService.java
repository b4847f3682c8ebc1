package org.anb.showcase.app.auth;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.core.db.DbFailures;
import org.anb.showcase.core.db.Transactions;

/** Signing up and logging in. */
public final class AccountService {
    private static final String BAD_CREDENTIALS = "Correo o contraseña incorrectos.";
    public static final String SUSPENDED = "La cuenta está suspendida.";

    private final DbClient db;
    private final DisposableDomains disposable;
    private final EmailConfirmation confirmation;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final GuardianConsent guardians;

    public AccountService(DbClient db, UserRepository users, PasswordHasher hasher, TokenService tokens,
                          LoginThrottle throttle, EmailConfirmation confirmation, DisposableDomains disposable,
                          GuardianConsent guardians) {
        this.db = db;
        this.guardians = guardians;
        this.disposable = disposable;
        this.confirmation = confirmation;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    public UUID signup(SignupForm form) {
        if (disposable.isDisposable(form.email())) {
            throw new ApiException(400, "Datos de registro inválidos.",
                    Map.of("email", "No se aceptan correos temporales o desechables. Usa tu correo personal."));
        }
        if (users.isBanned(form.email())) {
            throw new ApiException(400, "Datos de registro inválidos.",
                    Map.of("email", "Este correo electrónico no puede registrarse."));
        }
        UUID id = UUID.randomUUID();
        String hash = hasher.hash(form.password());
        try {
            // The account and its confirmation mail commit together: no account without its link, no mail for none.
            Transactions.inTransaction(db, tx -> {
                users.insert(tx, id, form, hash);
                confirmation.mail(tx, id, form.email(), form.firstName());
                if (form.personal().minor()) {
                    guardians.mail(tx, id, form.personal().guardianEmail(), form.firstName());
                }
                return null;
            });
        } catch (DbClientException e) {
            if (DbFailures.isUniqueViolation(e)) {
                throw new ApiException(400, "Datos de registro inválidos.",
                        Map.of("email", "Ya existe una cuenta con este correo electrónico."));
            }
            throw e;
        }
        return id;
    }

    /**
     * A token for the account, or 401 — the same answer, after the same work, for an unknown e-mail — or 429 once
     * this account or client has used up its attempts. The attempt is counted before the password is checked.
     */
    public String login(String email, String password, String clientKey) {
        LoginThrottle.Attempt attempt = throttle.begin(email, clientKey);
        Optional<UserRepository.StoredCredentials> stored;
        boolean valid;
        // The turn first: a login shed under load (503) costs no database lookup.
        try (PasswordHasher.Turn turn = hasher.awaitTurn()) {
            stored = users.credentialsFor(email.strip());
            valid = stored.isPresent() ? turn.matches(password, stored.get().passwordHash())
                    : turn.matchNothing(password);
        } catch (RuntimeException e) {
            attempt.notChecked(); // shed, or the database was down: no password was checked, so nothing counts
            throw e;
        }
        if (!valid) {
            throw new ApiException(401, BAD_CREDENTIALS);
        }
        attempt.succeeded();
        if (!stored.get().active()) { // said only to whoever knows the password
            throw new ApiException(403, SUSPENDED);
        }
        return tokens.issue(stored.get().userId(), stored.get().sessionGeneration());
    }
}
