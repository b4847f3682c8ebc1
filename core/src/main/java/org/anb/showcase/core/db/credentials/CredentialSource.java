package org.anb.showcase.core.db.credentials;

import java.nio.file.Path;

import io.helidon.config.Config;
import org.anb.showcase.core.aws.AwsEndpoint;

/**
 * Where the database credentials live, read again whenever the database refuses the ones we hold (a rotation).
 * Chosen by configuration under {@code db}: {@code credentials.secret-id} (a Secrets Manager secret, as RDS keeps
 * and rotates it), else {@code credentials.file} (a JSON file: local mode, or a mounted secret), else the fixed
 * {@code connection.username} and {@code connection.password}.
 */
public interface CredentialSource extends AutoCloseable {

    /** The credentials as the source holds them now; throws with a message naming the source if it cannot be read. */
    DatabaseCredentials read();

    /** What the source is, for logs and errors (never a secret). */
    String describe();

    /** Releases what the source holds (an AWS client); nothing by default. */
    @Override
    default void close() {
    }

    static CredentialSource from(Config db) {
        Config credentials = db.get("credentials");
        var secretId = credentials.get("secret-id").asString().asOptional().filter(s -> !s.isBlank());
        if (secretId.isPresent()) {
            return SecretsManagerCredentials.create(secretId.get(), AwsEndpoint.from(credentials));
        }
        var file = credentials.get("file").asString().asOptional().filter(s -> !s.isBlank());
        if (file.isPresent()) {
            return new CredentialFile(Path.of(file.get()));
        }
        DatabaseCredentials fixed = new DatabaseCredentials(
                db.get("connection.username").asString().orElse(""),
                db.get("connection.password").asString().orElse(""));
        return new CredentialSource() {
            @Override
            public DatabaseCredentials read() {
                return fixed;
            }

            @Override
            public String describe() {
                return "db.connection.username/password";
            }
        };
    }
}
