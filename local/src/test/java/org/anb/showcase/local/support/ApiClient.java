package org.anb.showcase.local.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the API as a real client sees it: status codes and JSON bodies. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final String PASSWORD = "jugada-2026";

    private final String base;
    private final String forwardedFor;
    private final java.util.function.Consumer<UUID> confirmer;

    ApiClient(String base, java.util.function.Consumer<UUID> confirmer) {
        this(base, null, confirmer);
    }

    private ApiClient(String base, String forwardedFor, java.util.function.Consumer<UUID> confirmer) {
        this.base = base;
        this.forwardedFor = forwardedFor;
        this.confirmer = confirmer;
    }

    /** A client for an API at another address than the shared test platform's; its new players stay unconfirmed. */
    public static ApiClient at(String base) {
        return new ApiClient(base, id -> { });
    }

    /** This client as if at {@code address} behind a trusted proxy (which writes X-Forwarded-For). */
    public ApiClient from(String address) {
        return new ApiClient(base, address, confirmer);
    }

    public record Reply(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {
        public String message() {
            return body.path("message").asText();
        }
    }

    /** A fresh player of {@code city}, signed up and logged in. */
    public record Player(UUID id, String email, String token) {
    }

    public Player newPlayer(String city) {
        return newPlayer("Jugador", city);
    }

    /**
     * A fresh player, signed up and logged in. On the shared test platform its e-mail is confirmed (as most
     * players' are); {@link #newUnconfirmedPlayer} is the one who never opened the mail.
     */
    public Player newPlayer(String firstName, String city) {
        Player player = newUnconfirmedPlayer(firstName, city);
        confirmer.accept(player.id());
        return player;
    }

    public Player newUnconfirmedPlayer(String firstName, String city) {
        String email = "p-" + UUID.randomUUID() + "@example.com";
        Reply signup = post("/api/auth/signup", null, signupBody(firstName, email, city));
        if (signup.status() != 201) {
            throw new IllegalStateException("signup failed: " + signup.raw());
        }
        Reply login = post("/api/auth/login", null, Map.of("email", email, "password", PASSWORD));
        return new Player(UUID.fromString(signup.body().path("user_id").asText()), email,
                login.body().path("access_token").asText());
    }

    public static Map<String, Object> signupBody(String firstName, String email, String city) {
        return Map.of("first_name", firstName, "last_name", "Prueba", "email", email, "password1", PASSWORD,
                "password2", PASSWORD, "city", city, "country", "Colombia");
    }

    /** Uploads a small valid MP4 through the multipart API and returns its video id. */
    public UUID uploadSample(Player player, String title) {
        Reply reply = upload(player.token(), Multipart.builder().file("video_file", SampleVideos.smallMp4())
                .field("title", title));
        if (reply.status() != 201) {
            throw new IllegalStateException("upload failed: " + reply.raw());
        }
        return UUID.fromString(reply.body().path("video_id").asText());
    }

    public Reply upload(String token, Multipart form) {
        return send(request("/api/videos/upload", token)
                .header("Content-Type", form.contentType())
                .POST(form.publisher()).build());
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Reply post(String path, String token, Object jsonBody) {
        return postRaw(path, token, jsonBody == null ? "" : toJson(jsonBody));
    }

    public Reply put(String path, String token, Object jsonBody) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(toJson(jsonBody))).build());
    }

    public Reply postRaw(String path, String token, String body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)).build());
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : parse(response.body());
            return new Reply(response.statusCode(), body, response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart/form-data body whose file parts can come from disk, so large uploads stream. */
    public static final class Multipart {
        private final String boundary = "anb-" + UUID.randomUUID();
        private final List<BodyPublisher> parts = new ArrayList<>();

        public static Multipart builder() {
            return new Multipart();
        }

        public Multipart field(String name, String value) {
            parts.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"\r\n\r\n" + value + "\r\n", StandardCharsets.UTF_8));
            return this;
        }

        public Multipart file(String name, byte[] content) {
            parts.add(fileHeader(name));
            parts.add(BodyPublishers.ofByteArray(content));
            parts.add(BodyPublishers.ofString("\r\n"));
            return this;
        }

        public Multipart file(String name, Path content) {
            try {
                parts.add(fileHeader(name));
                parts.add(BodyPublishers.ofFile(content));
                parts.add(BodyPublishers.ofString("\r\n"));
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private BodyPublisher fileHeader(String name) {
            return BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"clip.mp4\"\r\nContent-Type: video/mp4\r\n\r\n");
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public BodyPublisher publisher() {
            List<BodyPublisher> all = new ArrayList<>(parts);
            all.add(BodyPublishers.ofString("--" + boundary + "--\r\n"));
            return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
        }
    }
}
