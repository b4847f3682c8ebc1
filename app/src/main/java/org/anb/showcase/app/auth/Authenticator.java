package org.anb.showcase.app.auth;

import java.util.Optional;
import java.util.UUID;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.anb.showcase.app.http.ApiException;

/** Who is calling: the user id from a valid bearer token whose account still exists — never from body or URL. */
public final class Authenticator {
    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    private final UserRepository users;

    public Authenticator(TokenService tokens, UserRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    public UUID requireUser(ServerRequest req) {
        return userOf(req.headers().first(HeaderNames.AUTHORIZATION).orElse(""));
    }

    /**
     * For endpoints that anyone may call but that answer a logged-in caller a little more: empty without an
     * Authorization header; a header that is present must be valid (401 otherwise), as everywhere else.
     */
    public Optional<UUID> optionalUser(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION).map(this::userOf);
    }

    /** The caller's valid token (for logging out with it), or 401. */
    public TokenService.VerifiedToken requireToken(ServerRequest req) {
        return tokenOf(req.headers().first(HeaderNames.AUTHORIZATION).orElse(""));
    }

    private UUID userOf(String header) {
        return tokenOf(header).userId();
    }

    /** Valid, its user still there, and not logged out with: one query. */
    private TokenService.VerifiedToken tokenOf(String header) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized();
        }
        TokenService.VerifiedToken token = tokens.verify(header.substring(BEARER.length()).strip())
                .orElseThrow(ApiException::unauthorized);
        if (!users.isActive(token.userId(), token.tokenId())) {
            throw ApiException.unauthorized();
        }
        return token;
    }
}
