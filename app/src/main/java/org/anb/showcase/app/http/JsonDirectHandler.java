package org.anb.showcase.app.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Errors the web server answers before any route runs (a URI or headers too long, a body over the hard limit, an
 * unparseable request, every request slot taken) get the same JSON error body as everything else, instead of
 * Helidon's plain text. A full server is a 503 with Retry-After — busy, not broken — never a 500.
 */
public final class JsonDirectHandler implements DirectHandler {
    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "Solicitud mal formada.",
            403, "Prohibido.",
            413, "El cuerpo de la solicitud es demasiado grande.",
            414, "La URL de la solicitud es demasiado larga.",
            431, "Los encabezados de la solicitud son demasiado grandes.",
            500, "Error interno del servidor.",
            503, "Servidor ocupado. Intenta de nuevo en un momento.");

    /** This handler for every kind of event. */
    public static void register(DirectHandlers.Builder handlers) {
        JsonDirectHandler handler = new JsonDirectHandler();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, handler);
        }
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        boolean busy = status.code() == Status.SERVICE_UNAVAILABLE_503.code();
        Status sent = status.code() >= 500 && !busy ? Status.INTERNAL_SERVER_ERROR_500 : status;
        String body = "{\"message\":\"" + MESSAGES.getOrDefault(sent.code(), "Solicitud rechazada.") + "\"}";
        if (busy) {
            headers.set(HeaderNames.RETRY_AFTER, "1");
        }
        return TransportResponse.builder()
                .status(sent)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8")
                .keepAlive(eventType.keepAlive())
                .entity(body.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
