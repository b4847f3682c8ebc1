package org.anb.showcase.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Where the local platform keeps its data and which ports it listens on. The defaults serve the API on :8080 and keep
 * everything under {@code ./data}; {@code ANB_DATA_DIR} and {@code ANB_*_PORT} override them. Tests use
 * {@link #ephemeral(Path)}: free ports, a throwaway directory.
 */
public record LocalSettings(Path dataDir, int apiPort, int postgresPort, int sqsPort, int s3Port, int workerPort) {

    public static LocalSettings fromEnvironment() {
        return new LocalSettings(
                Path.of(env("ANB_DATA_DIR", "data")).toAbsolutePath(),
                Integer.parseInt(env("ANB_API_PORT", "8080")),
                Integer.parseInt(env("ANB_POSTGRES_PORT", "54329")),
                Integer.parseInt(env("ANB_SQS_PORT", "9324")),
                Integer.parseInt(env("ANB_S3_PORT", "9000")),
                Integer.parseInt(env("ANB_WORKER_PORT", "8081")));
    }

    public static LocalSettings ephemeral(Path dataDir) {
        return new LocalSettings(dataDir, freePort(), freePort(), freePort(), freePort(), freePort());
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public Path objectsDir() {
        return dataDir.resolve("s3");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
