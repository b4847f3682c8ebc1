package org.anb.showcase.app.staff;

import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.auth.Authenticator;
import org.anb.showcase.app.auth.Caller;
import org.anb.showcase.app.auth.Role;
import org.anb.showcase.app.http.Endpoint;

import java.util.Optional;

/**
 * The one place that decides who may call a staff route: every {@code /api/admin/} endpoint is made here, and its
 * handler runs only after the caller's current role was checked (401 without a valid token, 403 below the role).
 * {@link Endpoint} refuses an admin path made any other way, and a test walks the route list.
 */
public final class StaffGate {
    private final Authenticator auth;

    public StaffGate(Authenticator auth) {
        this.auth = auth;
    }

    /** A staff route's work, given the checked caller. */
    @FunctionalInterface
    public interface StaffHandler {
        void handle(Caller staff, ServerRequest req, ServerResponse res);
    }

    public Endpoint get(String path, Role role, StaffHandler handler) {
        return endpoint(Method.GET, path, role, handler);
    }

    public Endpoint post(String path, Role role, StaffHandler handler) {
        return endpoint(Method.POST, path, role, handler);
    }

    public Endpoint put(String path, Role role, StaffHandler handler) {
        return endpoint(Method.PUT, path, role, handler);
    }

    private Endpoint endpoint(Method method, String path, Role role, StaffHandler handler) {
        if (role == Role.PLAYER) {
            throw new IllegalArgumentException("a staff route needs a staff role: " + path);
        }
        return new Endpoint(method, path, (req, res) -> handler.handle(auth.requireRole(req, role), req, res),
                Optional.of(role));
    }
}
