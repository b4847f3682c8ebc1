package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.anb.showcase.local.support.ApiClient;
import org.anb.showcase.local.support.ApiClient.Multipart;
import org.anb.showcase.local.support.SampleVideos;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;

/** Secrets never reach a log, a built artifact or the repository. */
class SecretsStayOutTest {
    /** What a leaked credential looks like in a file, whatever its value. */
    private static final List<Pattern> CREDENTIAL_SHAPES = List.of(
            Pattern.compile("AKIA[0-9A-Z]{16}"),
            Pattern.compile("-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----"),
            Pattern.compile("(?i)jwt-secret\\s*:\\s*\\S{16,}"),
            Pattern.compile("(?i)aws_secret_access_key\\s*=\\s*\\S+"));

    private final ApiClient api = TestPlatform.api();

    @Test
    void aFullFlowLogsNeitherPasswordsNorTheJwtSecret() {
        String password = "Pw-" + UUID.randomUUID();
        String wrongPassword = "Wrong-" + UUID.randomUUID();
        String email = "secret-" + UUID.randomUUID() + "@example.com";
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " "
                        + (record.getThrown() == null ? "" : stackTrace(record.getThrown())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Map<String, Object> signup = new java.util.HashMap<>(ApiClient.signupBody("Ana", email, "Cali"));
            signup.put("password1", password);
            signup.put("password2", password);
            assertThat(api.post("/api/auth/signup", null, signup).status()).isEqualTo(201);
            assertThat(api.post("/api/auth/login", null, Map.of("email", email, "password", wrongPassword)).status())
                    .isEqualTo(401);
            var login = api.post("/api/auth/login", null, Map.of("email", email, "password", password));
            String token = login.body().path("access_token").asText();
            api.upload(token, Multipart.builder().file("video_file", SampleVideos.smallMp4()).field("title", password));
            api.postRaw("/api/auth/signup", null, "{\"password1\": \"" + password + "\", broken");
            api.get("/api/videos", token + "tampered");
        } finally {
            root.removeHandler(capture);
        }
        String jwtSecret = TestPlatform.platform().config().get("auth.jwt-secret").asString().get();
        assertThat(String.join("\n", logged)).doesNotContain(password).doesNotContain(wrongPassword)
                .doesNotContain(jwtSecret);
    }

    @Test
    void neitherTheRepositoryNorTheBuiltJarsHoldCredentials() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/")
                            && !f.toString().contains("/data/") && !f.toString().contains("node_modules"))
                    .filter(f -> f.toString().matches(".*\\.(java|ya?ml|xml|md|sh|properties|json|txt|Dockerfile)$")
                            || f.getFileName().toString().equals("Dockerfile") || f.getFileName().toString().equals("run"))
                    .forEach(f -> scan(f.toString(), read(f), findings));
        }
        for (Path jar : List.of(root.resolve("app/target/app.jar"), root.resolve("worker/target/worker.jar"),
                root.resolve("core/target/core-0.1.0-SNAPSHOT.jar"))) {
            if (Files.exists(jar)) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            scan(jar.getFileName() + "!" + entry.getName(),
                                    new String(in.readAllBytes(), StandardCharsets.ISO_8859_1), findings);
                        }
                    }
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    private static void scan(String where, String text, List<String> findings) {
        for (Pattern shape : CREDENTIAL_SHAPES) {
            if (shape.matcher(text).find()) {
                findings.add(where + " looks like it holds a credential (" + shape + ")");
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String stackTrace(Throwable t) {
        var out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
