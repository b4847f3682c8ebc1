package org.anb.showcase.app.http;

import java.util.UUID;

import io.helidon.webserver.http.ServerRequest;

/** Ids from the request path. */
public final class PathIds {
    private PathIds() {
    }

    /** The {@code user_id} path parameter; an id that cannot exist is simply not found. */
    public static UUID userId(ServerRequest req) {
        try {
            return UUID.fromString(req.path().pathParameters().get("user_id"));
        } catch (IllegalArgumentException e) {
            throw userNotFound();
        }
    }

    public static ApiException userNotFound() {
        return new ApiException(404, "Usuario no encontrado.");
    }

    /** The {@code video_id} path parameter; an id that cannot exist is simply not found. */
    public static UUID videoId(ServerRequest req) {
        try {
            return UUID.fromString(req.path().pathParameters().get("video_id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.videoNotFound();
        }
    }

    /** The {@code player_id} path parameter; an id that cannot exist is simply not found. */
    public static UUID playerId(ServerRequest req) {
        try {
            return UUID.fromString(req.path().pathParameters().get("player_id"));
        } catch (IllegalArgumentException e) {
            throw playerNotFound();
        }
    }

    public static ApiException playerNotFound() {
        return new ApiException(404, "Jugador no encontrado.");
    }
}
