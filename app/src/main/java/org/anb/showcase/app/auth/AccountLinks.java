package org.anb.showcase.app.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbExecute;
import org.anb.showcase.core.db.Rows;

/**
 * Single-use links mailed to people ({@code account_tokens}): 256 random bits in the link, only their SHA-256 in the
 * database. Using one is one conditional UPDATE, so two clicks cannot both succeed.
 */
public final class AccountLinks {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a link is for, and how long it lives. */
    public enum Purpose {
        VERIFY(Duration.ofHours(48)), RESET(Duration.ofMinutes(30)), GUARDIAN(Duration.ofDays(7));

        private final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A new link's token for the user, stored (hashed) through {@code exec}. */
    public String issue(DbExecute exec, UUID userId, Purpose purpose) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        exec.insert("INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at) VALUES (?, ?, ?, ?)",
                hash(token), userId, purpose.wire(), Timestamp.from(Instant.now().plus(purpose.lifetime)));
        return token;
    }

    /** Uses the link: its user if it exists for this purpose, is unused and unexpired; empty otherwise. */
    public Optional<UUID> use(DbExecute exec, String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return exec.get("""
                UPDATE account_tokens SET used_at = now()
                 WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > now()
                RETURNING user_id""", hash(token), purpose.wire()).map(row -> Rows.uuid(row, "user_id"));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
