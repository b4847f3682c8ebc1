package org.anb.showcase.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the local platform keeps its data and which ports it listens on. The defaults serve the API on :8080 and keep
 * everything under {@code ./data}; {@code ANB_DATA_DIR} and {@code ANB_*_PORT} override them, and
 * {@code ANB_EXTRA_API_PORTS} starts one more API instance per port on the same servers. Tests use
 * {@link #ephemeral(Path)}: free ports, a throwaway directory.
 */
public record LocalSettings(Path dataDir, int apiPort, int postgresPort, int sqsPort, int s3Port, int workerPort,
                            int smtpPort, int imapPort, List<Integer> extraApiPorts) {

    public static LocalSettings fromEnvironment() {
        return new LocalSettings(
                Path.of(env("ANB_DATA_DIR", "data")).toAbsolutePath(),
                Integer.parseInt(env("ANB_API_PORT", "8080")),
                Integer.parseInt(env("ANB_POSTGRES_PORT", "54329")),
                Integer.parseInt(env("ANB_SQS_PORT", "9324")),
                Integer.parseInt(env("ANB_S3_PORT", "9000")),
                Integer.parseInt(env("ANB_WORKER_PORT", "8081")),
                Integer.parseInt(env("ANB_SMTP_PORT", "3025")),
                Integer.parseInt(env("ANB_IMAP_PORT", "3143")),
                ports(env("ANB_EXTRA_API_PORTS", "")));
    }

    public static LocalSettings ephemeral(Path dataDir) {
        java.util.Set<Integer> distinct = new java.util.LinkedHashSet<>();
        while (distinct.size() < 7) {
            distinct.add(freePort());
        }
        var p = List.copyOf(distinct);
        return new LocalSettings(dataDir, p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5), p.get(6),
                List.of());
    }

    /** Every port the API listens on: the main one, then any extra instance's ({@code ANB_EXTRA_API_PORTS=8090,8091}). */
    public List<Integer> allApiPorts() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(apiPort), extraApiPorts.stream()).toList();
    }

    private static List<Integer> ports(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .map(Integer::parseInt).toList();
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

    /**
     * A port free now, below Linux's ephemeral range (32768 and up): a port the kernel hands out for {@code bind(0)}
     * may be given to one of the many outgoing connections before the server that wanted it binds (GreenMail lost
     * its port that way on CI), while a port below that range is only ever taken on purpose.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between 20000 and 32000"));
    }

    private static final java.util.Random RANDOM = new java.security.SecureRandom();
}
