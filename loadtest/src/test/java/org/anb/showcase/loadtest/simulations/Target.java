package org.anb.showcase.loadtest.simulations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.helidon.config.Config;
import org.anb.showcase.local.LocalPlatform;
import org.anb.showcase.local.LocalSettings;

/**
 * The system under load: the local platform started in the Gatling JVM (worker off: the assignment lets the worker be
 * decoupled, the API must still store and enqueue), with production settings otherwise — bcrypt cost 10 included.
 */
final class Target {
    private static LocalPlatform platform;

    private Target() {
    }

    static synchronized LocalPlatform platform() {
        if (platform == null) {
            try {
                Path dir = Files.createTempDirectory("anb-load");
                // Every simulated user comes from 127.0.0.1: the per-client limits would stop the load, not measure it.
                platform = LocalPlatform.start(LocalSettings.ephemeral(dir), Map.of("worker.enabled", "false",
                        "limits.signup.per-client", "100000000", "limits.vote.per-client", "100000000",
                        "limits.concurrent-per-client", "100000000"));
                Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
    }

    static String baseUrl() {
        return platform().apiUrl();
    }

    static Config config() {
        return platform().config();
    }

    /** Signs up and logs in {@code count} players and answers their bearer tokens. */
    static List<Map<String, Object>> players(int count) {
        HttpClient http = HttpClient.newHttpClient();
        List<Map<String, Object>> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "load-" + UUID.randomUUID() + "@example.com";
            post(http, "/api/auth/signup", "{\"first_name\":\"Carga\",\"last_name\":\"Prueba\",\"email\":\"" + email
                    + "\",\"password1\":\"carga-2026\",\"password2\":\"carga-2026\",\"city\":\"Cali\",\"country\":\"Colombia\"}");
            String login = post(http, "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"carga-2026\"}");
            Map<String, Object> row = new HashMap<>();
            row.put("token", login.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1"));
            tokens.add(row);
        }
        return tokens;
    }

    private static String post(HttpClient http, String path, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(fallback)));
    }
}
