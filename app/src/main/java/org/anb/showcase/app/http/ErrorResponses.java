package org.anb.showcase.app.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.helidon.http.HttpException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.core.db.DbFailures;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns every failure into the JSON error body of SPEC.md. Clients see a message and, for a 500, an incident id to
 * quote; the stack trace goes to our log only. A dependency that is down (database, queue, bucket) is a 503 the
 * client may retry, not a 500.
 */
public final class ErrorResponses {
    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

    private ErrorResponses() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, ErrorResponses::refusal)
                .error(HttpException.class, ErrorResponses::httpFailure)
                .error(Throwable.class, ErrorResponses::unexpected);
    }

    /** The last route: JSON 404 for anything the API does not serve. */
    public static void notFound(ServerRequest req, ServerResponse res) {
        Json.send(res, 404, Map.of("message", "Recurso no encontrado."));
    }

    private static void refusal(ServerRequest req, ServerResponse res, ApiException e) {
        if (e instanceof TooManyRequestsException throttled && !res.isSent()) {
            res.header(io.helidon.http.HeaderNames.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
        }
        if (e instanceof ServerBusyException && !res.isSent()) {
            res.header(io.helidon.http.HeaderNames.RETRY_AFTER, "1");
        }
        if (!res.isSent() && req.content().hasEntity() && !req.content().consumed()
                && (e.status() == 408 || e.status() == 429)) {
            // A client too slow or over its limit: close rather than drain its body, which would hold the request
            // slot for as long as it cares to send. Other refusals (401, 503...) are drained as usual, so an
            // ordinary client still reads its answer after sending the body.
            res.header(io.helidon.http.HeaderValues.CONNECTION_CLOSE);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            body.put("errors", e.fieldErrors());
        }
        sendIfOpen(res, e.status(), body);
    }

    private static void httpFailure(ServerRequest req, ServerResponse res, HttpException e) {
        int status = e.status().code();
        if (status >= 500) {
            unexpected(req, res, e);
            return;
        }
        sendIfOpen(res, status, Map.of("message", e.status().reasonPhrase()));
    }

    private static void unexpected(ServerRequest req, ServerResponse res, Throwable e) {
        if (DbFailures.isUnavailable(e) || e instanceof SdkClientException) {
            LOG.log(System.Logger.Level.WARNING, "dependency unavailable on " + req.prologue().method() + " "
                    + req.path().path() + ": " + e);
            refusal(req, res, ApiException.unavailable());
            return;
        }
        if (clientWentAway(e)) {
            // A client that hung up mid-request (its connection reset or closed): nothing of ours broke.
            LOG.log(System.Logger.Level.DEBUG, "client went away during " + req.prologue().method() + " "
                    + req.path().path() + ": " + e);
            return;
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "incident " + incident + " on " + req.prologue().method() + " "
                + req.path().path(), e);
        sendIfOpen(res, 500, Map.of("message", "Error interno del servidor.", "incident_id", incident));
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException || cause instanceof java.io.UncheckedIOException
                    || cause instanceof io.helidon.common.buffers.DataReader.InsufficientDataAvailableException) {
                return true;
            }
        }
        return false;
    }

    private static void sendIfOpen(ServerResponse res, int status, Object body) {
        if (!res.isSent()) {
            Json.send(res, status, body);
        }
    }
}
