package org.anb.showcase.app.http;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed JSON object with typed, forgiving reads: a missing field and a field of the wrong type both read as absent. */
public record JsonBody(JsonNode node) {

    /** The field as text, or empty when it is missing, null or not a string. */
    public Optional<String> text(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** A number (or a numeric string) as written, for the caller to parse exactly; empty when missing or null. */
    public Optional<String> numberText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
    }

    /** The field as a boolean, or empty when missing; a wrong type is a 400. */
    public Optional<Boolean> bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("El campo '" + field + "' debe ser true o false.");
        }
        return Optional.of(value.asBoolean());
    }
}
