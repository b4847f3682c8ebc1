package org.anb.showcase.app.auth;

import java.util.Optional;
import java.util.UUID;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.anb.showcase.app.http.ApiException;

/**
 * Who is calling: the user id from a valid bearer token whose account still exists and is not suspended — never from
 * body or URL — and the role the account has now.
 */
public final class Authenticator {
    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    private final UserRepository users;

    public Authenticator(TokenService tokens, UserRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    public UUID requireUser(ServerRequest req) {
        return requireCaller(req).id();
    }

    public Caller requireCaller(ServerRequest req) {
        return callerOf(req.headers().first(HeaderNames.AUTHORIZATION).orElse(""));
    }

    /** The caller if their role includes {@code role}: 401 without a valid token, 403 with one of a lesser role. */
    public Caller requireRole(ServerRequest req, Role role) {
        Caller caller = requireCaller(req);
        if (!caller.role().includes(role)) {
            throw new ApiException(403, "No tienes permiso para esta acción.");
        }
        return caller;
    }

    /**
     * For endpoints that anyone may call but that answer a logged-in caller a little more: empty without an
     * Authorization header; a header that is present must be valid (401 otherwise), as everywhere else.
     */
    public Optional<UUID> optionalUser(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION).map(header -> callerOf(header).id());
    }

    /** The caller's valid token (for logging out with it), or 401. */
    public TokenService.VerifiedToken requireToken(ServerRequest req) {
        TokenService.VerifiedToken token = verified(req.headers().first(HeaderNames.AUTHORIZATION).orElse(""));
        roleOf(token);
        return token;
    }

    private Caller callerOf(String header) {
        TokenService.VerifiedToken token = verified(header);
        return new Caller(token.userId(), roleOf(token));
    }

    private TokenService.VerifiedToken verified(String header) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized();
        }
        return tokens.verify(header.substring(BEARER.length()).strip()).orElseThrow(ApiException::unauthorized);
    }

    /** Its user still there, not suspended, and not logged out with: one query. */
    private Role roleOf(TokenService.VerifiedToken token) {
        return users.activeRole(token.userId(), token.tokenId(), token.sessionGeneration()).orElseThrow(ApiException::unauthorized);
    }
}
