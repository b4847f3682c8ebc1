package org.anb.showcase.app.auth;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import org.altcha.altcha.Altcha;

/**
 * The proof of work at sign-up (ALTCHA's own Java library and browser widget: no third party, no tracking). A
 * challenge is signed with a key only the API knows and expires in 10 minutes, so it needs no storage until it is
 * used; a solution is good for one sign-up ({@code used_challenges}). The cost to a client is set by
 * {@code auth.challenge-max-number} (the widget tries on average half of it, in SHA-256 hashes).
 */
public final class SignupChallenge {
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DbClient db;
    private final String hmacKey;
    private final long maxNumber;

    public SignupChallenge(DbClient db, String hmacKey, long maxNumber) {
        this.db = db;
        this.hmacKey = hmacKey;
        this.maxNumber = maxNumber;
    }

    /** The key is derived from the JWT secret (one secret to keep, rotate and never log). */
    public static SignupChallenge from(DbClient db, Config auth) {
        String secret = auth.get("jwt-secret").asString().orElseThrow();
        try {
            return new SignupChallenge(db, Altcha.hmacHex(Altcha.Algorithm.SHA256,
                    secret.getBytes(StandardCharsets.UTF_8), "anb-signup-challenge"),
                    auth.get("challenge-max-number").asLong().orElse(100_000L));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new challenge, as the ALTCHA widget reads it. */
    public Map<String, Object> create() {
        try {
            Altcha.Challenge challenge = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setMaxNumber(maxNumber).setHmacKey(hmacKey).setExpiresInSeconds(LIFETIME.toSeconds()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("algorithm", challenge.algorithm);
            body.put("challenge", challenge.challenge);
            body.put("maxnumber", challenge.maxnumber);
            body.put("salt", challenge.salt);
            body.put("signature", challenge.signature);
            return body;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the widget's base64 payload solves an unexpired challenge of ours that no sign-up used yet. */
    public boolean accept(String payload) {
        if (payload == null || payload.isBlank() || payload.length() > 2000) {
            return false;
        }
        try {
            if (!Altcha.verifySolution(payload, hmacKey, true)) {
                return false;
            }
            String decoded = new String(Base64.getDecoder().decode(payload.strip()), StandardCharsets.UTF_8);
            String signature = JSON.readTree(decoded).path("signature").asText();
            db.execute().delete("DELETE FROM used_challenges WHERE expires_at < now()");
            return db.execute().insert("INSERT INTO used_challenges (signature, expires_at) VALUES (?, ?) "
                    + "ON CONFLICT DO NOTHING", signature, Timestamp.from(Instant.now().plus(LIFETIME))) == 1;
        } catch (Exception e) {
            return false; // not base64, not JSON, not ours: a wrong solution
        }
    }
}
