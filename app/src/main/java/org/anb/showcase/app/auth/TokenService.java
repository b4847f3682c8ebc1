package org.anb.showcase.app.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.helidon.config.Config;

/**
 * Issues and checks the API's access tokens: HS256 (nimbus-jose-jwt), subject = user id, issuer checked, fixed
 * lifetime. Only HS256 with our key is accepted, so {@code alg: none} or a token signed for another issuer fails.
 */
public final class TokenService {
    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_SECRET_BYTES = 32;
    private static final String GENERATION = "gen";

    private final MACSigner signer;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final String issuer;
    private final Duration lifetime;

    public TokenService(byte[] secret, String issuer, Duration lifetime) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("auth.jwt-secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (256 bits); generate one with: openssl rand -base64 48");
        }
        try {
            this.signer = new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(secret)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp", "jti")));
    }

    /** From the {@code auth} config subtree; there is no default secret. */
    public static TokenService from(Config auth) {
        String secret = auth.get("jwt-secret").asString()
                .orElseThrow(() -> new IllegalStateException("auth.jwt-secret (env AUTH_JWT_DASH_SECRET) is required"));
        return new TokenService(secret.getBytes(StandardCharsets.UTF_8),
                auth.get("issuer").asString().orElse("anb-showcase"),
                Duration.ofSeconds(auth.get("token-ttl-seconds").asLong().orElse(3600L)));
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(UUID userId) {
        return issue(userId, 0);
    }

    /** A token of the account's current session generation (a password reset or change moves it on). */
    public String issue(UUID userId, int sessionGeneration) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(GENERATION, sessionGeneration)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A valid token's user, id and expiry; empty for anything forged, expired, malformed or from another issuer. */
    public Optional<VerifiedToken> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Long generation = claims.getLongClaim(GENERATION);
            return Optional.of(new VerifiedToken(UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.getJWTID()), claims.getExpirationTime().toInstant(),
                    generation == null ? 0 : generation.intValue()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** What a valid token says: whose it is, its own id (for revocation) and when it expires. */
    public record VerifiedToken(UUID userId, UUID tokenId, Instant expiresAt, int sessionGeneration) {
    }
}
