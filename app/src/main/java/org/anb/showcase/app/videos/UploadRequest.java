package org.anb.showcase.app.videos;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.anb.showcase.app.http.ApiException;

/** The owner's choices for an upload, validated the same way for the multipart and the direct path. */
record UploadRequest(String title, boolean publish, BigDecimal startSeconds) {
    static final int MAX_TITLE_LENGTH = 200;
    /** Far past any video the rules accept: the worker says whether the start leaves enough (it knows the length). */
    private static final BigDecimal MAX_START = BigDecimal.valueOf(3600);

    static UploadRequest validate(Optional<String> rawTitle, Optional<String> rawPublish) {
        return validate(rawTitle, rawPublish, Optional.empty());
    }

    /**
     * @param rawStart {@code start_seconds}: where the player's 30 s begin, in seconds from 0 (decimals with a point
     *                 or a comma, to the millisecond); absent is 0, the assignment's first 30 s
     */
    static UploadRequest validate(Optional<String> rawTitle, Optional<String> rawPublish, Optional<String> rawStart) {
        String title = rawTitle.map(String::strip).orElse("");
        if (title.isEmpty()) {
            throw invalid("title", "Este campo es obligatorio.");
        }
        if (title.length() > MAX_TITLE_LENGTH || title.chars().anyMatch(Character::isISOControl)) {
            throw invalid("title", "El título debe tener entre 1 y " + MAX_TITLE_LENGTH
                    + " caracteres visibles.");
        }
        return new UploadRequest(title, rawPublish.map(UploadRequest::parsePublish).orElse(true),
                rawStart.map(UploadRequest::parseStart).orElse(BigDecimal.ZERO));
    }

    private static BigDecimal parseStart(String value) {
        try {
            BigDecimal start = new BigDecimal(value.strip().replace(',', '.'));
            if (start.signum() >= 0 && start.compareTo(MAX_START) <= 0 && start.scale() <= 3) {
                return start;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid("start_seconds", "Indica en qué segundo empieza tu jugada: un número desde 0 (por ejemplo 18 o 18,5).");
    }

    private static boolean parsePublish(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "si", "sí", "" -> true;
            case "false", "0", "no" -> false;
            default -> throw invalid("publish", "Debe ser true o false.");
        };
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, "Datos del video inválidos.", Map.of(field, message));
    }
}
