package org.anb.showcase.app.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import io.helidon.http.HeaderNames;
import org.anb.showcase.app.http.Endpoint;

/** Serves the API's OpenAPI 3 document, {@code openapi.yaml} on the classpath, at {@code /api/openapi.yaml}. */
public final class OpenApiRoutes {
    public static final String RESOURCE = "/org/anb/showcase/app/openapi/openapi.yaml";

    private final byte[] document = load();

    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/openapi.yaml", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "application/yaml; charset=UTF-8");
            res.send(document);
        }));
    }

    public static byte[] load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
