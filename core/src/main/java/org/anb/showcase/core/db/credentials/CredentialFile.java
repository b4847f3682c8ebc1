package org.anb.showcase.core.db.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Credentials in a JSON file shaped like RDS's secret. Local mode keeps the embedded database's password here, and a
 * rotation replaces the file (written beside it, then renamed, so a reader never sees half of it).
 */
public record CredentialFile(Path path) implements CredentialSource {

    @Override
    public DatabaseCredentials read() {
        try {
            return DatabaseCredentials.fromJson(Files.readString(path), describe());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the file's content at once, readable by its owner only. */
    public void write(DatabaseCredentials credentials) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path staging = Files.createTempFile(path.toAbsolutePath().getParent(), ".credentials", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(staging, credentials.toJson());
            Files.move(staging, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "the credential file " + path;
    }
}
