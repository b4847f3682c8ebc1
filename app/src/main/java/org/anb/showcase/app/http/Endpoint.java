package org.anb.showcase.app.http;

import java.util.Optional;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import org.anb.showcase.app.auth.Role;

/**
 * One route of the public API. Features declare their routes as a list of these, so the whole API surface is data
 * that the OpenAPI contract test can compare with {@code openapi.yaml}.
 *
 * @param path      the path as written in the OpenAPI document, e.g. {@code /api/videos/{video_id}}
 * @param staffRole the role a staff route requires (its handler checks it first: see {@code staff.StaffGate});
 *                  empty for the routes of players and the public
 */
public record Endpoint(Method method, String path, Handler handler, Optional<Role> staffRole) {
    /** Staff routes live under this prefix, and every one of them names the role it requires. */
    public static final String ADMIN_PREFIX = "/api/admin/";

    public Endpoint {
        if (path.startsWith(ADMIN_PREFIX) != staffRole.isPresent()) {
            throw new IllegalArgumentException("a route under " + ADMIN_PREFIX + " (and only there) names its staff "
                    + "role: " + method.text() + " " + path);
        }
    }

    public static Endpoint get(String path, Handler handler) {
        return new Endpoint(Method.GET, path, handler, Optional.empty());
    }

    public static Endpoint post(String path, Handler handler) {
        return new Endpoint(Method.POST, path, handler, Optional.empty());
    }

    public static Endpoint put(String path, Handler handler) {
        return new Endpoint(Method.PUT, path, handler, Optional.empty());
    }

    public static Endpoint delete(String path, Handler handler) {
        return new Endpoint(Method.DELETE, path, handler, Optional.empty());
    }
}
