package org.anb.showcase.app.videos;

import java.util.Map;
import java.util.Optional;

import org.anb.showcase.app.http.ApiException;

/** The owner's choices for an upload, validated the same way for the multipart and the direct path. */
record UploadRequest(String title, boolean publish) {
    static final int MAX_TITLE_LENGTH = 200;

    static UploadRequest validate(Optional<String> rawTitle, Optional<String> rawPublish) {
        String title = rawTitle.map(String::strip).orElse("");
        if (title.isEmpty()) {
            throw invalid("title", "Este campo es obligatorio.");
        }
        if (title.length() > MAX_TITLE_LENGTH || title.chars().anyMatch(Character::isISOControl)) {
            throw invalid("title", "El título debe tener entre 1 y " + MAX_TITLE_LENGTH
                    + " caracteres visibles.");
        }
        return new UploadRequest(title, rawPublish.map(UploadRequest::parsePublish).orElse(true));
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
