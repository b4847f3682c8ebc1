package org.anb.showcase.local.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * After the tests, in Maven's {@code verify} phase (local/pom.xml): every surefire output file of the run (reports and
 * captured output, {@code .txt} and {@code .xml}) is searched for the test password and the shared test platform's
 * JWT secret. It runs outside the tests on purpose: Maven writes a class's output file after the class ends, so a
 * test reading them races the writer and could pass with a leak in the file being written.
 */
public final class RunOutputScan {
    /** Where the shared platform's throwaway secret is kept for the scan (the module's target/, gone with it). */
    private static final Path SECRET_FILE = Path.of("target", "test-platform-jwt-secret");

    private RunOutputScan() {
    }

    static void remember(String jwtSecret) {
        try {
            Files.createDirectories(SECRET_FILE.getParent());
            Files.writeString(SECRET_FILE, jwtSecret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param args the surefire reports directory, and the file {@link #remember} wrote */
    public static void main(String[] args) throws IOException {
        Path reports = Path.of(args[0]);
        Path secretFile = Path.of(args[1]);
        if (!Files.isDirectory(reports)) {
            return; // no test ran (-DskipTests)
        }
        List<String> secrets = new ArrayList<>(List.of(ApiClient.PASSWORD));
        if (Files.exists(secretFile)) {
            secrets.add(Files.readString(secretFile).strip());
        }
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".xml")).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                secrets.stream().filter(text::contains).findFirst().ifPresent(secret -> leaks.add(file.getFileName()
                        + (secret.equals(ApiClient.PASSWORD) ? ": the test password" : ": the JWT secret")));
            }
        }
        if (!leaks.isEmpty()) {
            throw new IllegalStateException("secrets in the test run's output: " + leaks);
        }
        System.out.println("RunOutputScan: no test password or JWT secret in " + reports);
    }
}
