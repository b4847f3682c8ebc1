package org.anb.showcase.app.http;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** JSON in and out of handlers: snake_case fields, ISO-8601 instants, bounded request bodies. */
public final class Json {
    /** Our JSON bodies are a few hundred bytes; anything far larger is refused before it is parsed. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** Reads the request body as a JSON object, or refuses it with a 400/413 the client can act on. */
    public static JsonBody readObject(ServerRequest req) {
        byte[] bytes;
        try (InputStream in = MinimumRateInputStream.of(req.content().inputStream())) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("No se pudo leer el cuerpo de la solicitud.");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "El cuerpo de la solicitud es demasiado grande.");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw ApiException.badRequest("El cuerpo debe ser un objeto JSON válido.");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("El cuerpo debe ser un objeto JSON válido.");
        }
        return new JsonBody(node);
    }

    public static void send(ServerResponse res, int status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(bytes(body));
    }

    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize response", e);
        }
    }

    public static void ok(ServerResponse res, Object body) {
        send(res, 200, body);
    }
}
