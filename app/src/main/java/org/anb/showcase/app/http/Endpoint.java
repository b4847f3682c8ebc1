package org.anb.showcase.app.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;

/**
 * One route of the public API. Features declare their routes as a list of these, so the whole API surface is data
 * that the OpenAPI contract test can compare with {@code openapi.yaml}.
 *
 * @param path the path as written in the OpenAPI document, e.g. {@code /api/videos/{video_id}}
 */
public record Endpoint(Method method, String path, Handler handler) {

    public static Endpoint get(String path, Handler handler) {
        return new Endpoint(Method.GET, path, handler);
    }

    public static Endpoint post(String path, Handler handler) {
        return new Endpoint(Method.POST, path, handler);
    }

    public static Endpoint delete(String path, Handler handler) {
        return new Endpoint(Method.DELETE, path, handler);
    }
}
