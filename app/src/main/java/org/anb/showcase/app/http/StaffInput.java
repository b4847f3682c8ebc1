package org.anb.showcase.app.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Free text sent with an action (reasons, notes, names, messages), and times with their offset: each checked. */
public final class StaffInput {
    private static final int MAX_REASON = 500;
    private static final int MAX_NOTE = 2000;

    private StaffInput() {
    }

    /** The body's {@code reason}: required, 1–500 characters after trimming. */
    public static String reason(JsonBody body) {
        return required(body, "reason", MAX_REASON);
    }

    public static Optional<String> note(JsonBody body) {
        return optional(body, "note", MAX_NOTE);
    }

    public static String required(JsonBody body, String field, int max) {
        return optional(body, field, max).orElseThrow(() -> new ApiException(400, "Datos inválidos.",
                Map.of(field, "Este campo es obligatorio.")));
    }

    public static Optional<String> optional(JsonBody body, String field, int max) {
        Optional<String> value = body.text(field).map(String::strip).filter(text -> !text.isEmpty());
        if (value.isPresent() && value.get().length() > max) {
            throw new ApiException(400, "Datos inválidos.", Map.of(field, "Máximo " + max + " caracteres."));
        }
        // Line breaks and tabs are text; other control characters are not (PostgreSQL refuses NUL outright).
        if (value.isPresent() && value.get().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t')) {
            throw new ApiException(400, "Datos inválidos.", Map.of(field, "Contiene caracteres no permitidos."));
        }
        return value;
    }

    /** An ISO-8601 time with its offset ({@code 2027-03-01T00:00:00-05:00}), or empty when absent or null. */
    public static Optional<Instant> instant(JsonBody body, String field) {
        com.fasterxml.jackson.databind.JsonNode value = body.node().get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "Datos inválidos.",
                    Map.of(field, "Fecha y hora ISO-8601 con zona horaria, p. ej. 2027-03-01T00:00:00-05:00."));
        }
    }
}
