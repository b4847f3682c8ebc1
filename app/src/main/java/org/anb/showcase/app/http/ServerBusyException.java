package org.anb.showcase.app.http;

/** 503 with {@code Retry-After: 1}: the server sheds this request at once rather than let it wait without bound. */
public final class ServerBusyException extends ApiException {
    public ServerBusyException() {
        super(503, "Servidor ocupado. Intenta de nuevo en un momento.");
    }
}
