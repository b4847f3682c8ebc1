package org.anb.showcase.app.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.helidon.dbclient.DbClient;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.core.storage.ObjectStore;

/**
 * {@code /api/health} is readiness: 200 only when the database, the queue and the bucket answer, so a load balancer
 * stops sending uploads to a node that could not accept them. {@code /api/health/live} only says the process serves.
 */
public final class HealthRoutes {
    private final DbClient db;
    private final JobQueue queue;
    private final ObjectStore store;

    public HealthRoutes(DbClient db, JobQueue queue, ObjectStore store) {
        this.db = db;
        this.queue = queue;
        this.store = store;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/health", this::ready),
                Endpoint.get("/api/health/live", (req, res) -> Json.ok(res, Map.of("status", "UP"))));
    }

    private void ready(ServerRequest req, ServerResponse res) {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", check(() -> db.execute().get("SELECT 1 AS ok")));
        checks.put("queue", check(queue::ping));
        checks.put("storage", check(store::ping));
        boolean up = checks.values().stream().allMatch("UP"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        if (!up) {
            body.put("message", "Servicio no disponible: una dependencia no responde.");
        }
        Json.send(res, up ? 200 : 503, body);
    }

    private static String check(Runnable probe) {
        try {
            probe.run();
            return "UP";
        } catch (RuntimeException e) {
            return "DOWN";
        }
    }
}
