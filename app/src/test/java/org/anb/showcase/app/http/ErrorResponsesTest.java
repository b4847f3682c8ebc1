package org.anb.showcase.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No route of the API throws an unexpected exception in the suite, so this one is made to: a real server with the
 * API's error handling, one route that fails like a bug would, one that is down like a dependency would be.
 */
class ErrorResponsesTest {
    private static WebServer server;

    @BeforeAll
    static void start() {
        server = WebServer.builder().port(0).routing(routing -> {
            ErrorResponses.register(routing);
            routing.get("/bug", (req, res) -> {
                throw new IllegalStateException("secret internals at Foo.java:42");
            });
            routing.any(ErrorResponses::notFound);
        }).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void anUnexpectedExceptionIsA500WithAnIncidentIdAndNoInternals() throws Exception {
        HttpResponse<String> reply = get("/bug");
        assertThat(reply.statusCode()).isEqualTo(500);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode body = new ObjectMapper().readTree(reply.body());
        assertThat(body.properties()).hasSize(2);
        assertThat(body.path("message").asText()).isEqualTo("Error interno del servidor.");
        assertThat(body.path("incident_id").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void anUnknownRouteIsA404Json() throws Exception {
        HttpResponse<String> reply = get("/nowhere");
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Recurso no encontrado.\"}");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
