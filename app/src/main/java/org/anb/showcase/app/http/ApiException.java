package org.anb.showcase.app.http;

import java.util.Map;

/**
 * A refusal the client should see: its status and the message from SPEC.md, plus the fields at fault when the
 * request body was invalid. Thrown by services, turned into the JSON error body by {@link ErrorResponses}.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, String> fieldErrors;

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiException(int status, String message, Map<String, String> fieldErrors) {
        super(message, null, false, false);
        this.status = status;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "No autenticado: token ausente, inválido o expirado.");
    }

    public static ApiException forbidden() {
        return new ApiException(403, "No tienes permiso para acceder a este video.");
    }

    public static ApiException videoNotFound() {
        return new ApiException(404, "Video no encontrado.");
    }

    public static ApiException unavailable() {
        return new ApiException(503, "Servicio no disponible temporalmente. Intenta de nuevo en unos segundos.");
    }
}
