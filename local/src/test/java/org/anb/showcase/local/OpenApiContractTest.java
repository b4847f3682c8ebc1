package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.anb.showcase.app.openapi.OpenApiRoutes;
import org.anb.showcase.local.support.ApiClient.Reply;
import org.anb.showcase.local.support.TestPlatform;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document and the routes the server really answers are the same set, both ways. */
class OpenApiContractTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        Set<String> served = new TreeSet<>();
        TestPlatform.platform().api().endpoints()
                .forEach(e -> served.add(e.method().text().toUpperCase() + " " + e.path()));

        assertThat(documentedRoutes()).isEqualTo(served);
    }

    @Test
    void theDocumentIsServed() {
        Reply reply = TestPlatform.api().get("/api/openapi.yaml", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw()).isEqualTo(new String(OpenApiRoutes.load(), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documentedRoutes() {
        Map<String, Object> document = new Yaml().load(new String(OpenApiRoutes.load(), StandardCharsets.UTF_8));
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> routes = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(HTTP_METHODS::contains)
                .forEach(method -> routes.add(method.toUpperCase() + " " + path)));
        return routes;
    }
}
