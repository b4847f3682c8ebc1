package org.anb.showcase.app.http;

import io.helidon.common.uri.UriQuery;

/** {@code page} (from 1) and {@code page_size} (1–100, default 20) from a query string, validated. */
public record Paging(int page, int pageSize) {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Deep pages cost an index walk; no client needs more than a million rows in. */
    private static final int MAX_PAGE = 1_000_000 / MAX_PAGE_SIZE;
    public static final String INVALID = "Parámetro inválido en la consulta.";

    public static Paging from(UriQuery query) {
        int page = intParam(query, "page", 1, 1, MAX_PAGE);
        int pageSize = intParam(query, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        return new Paging(page, pageSize);
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    /** An optional free-text filter such as {@code city}: trimmed, bounded, and absent when blank. */
    public static java.util.Optional<String> textParam(UriQuery query, String name) {
        if (!query.contains(name)) {
            return java.util.Optional.empty();
        }
        String value = query.get(name).strip();
        if (value.length() > 100 || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(INVALID);
        }
        return value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    /** A whole-number parameter within [min, max], or the fallback when absent; 400 otherwise. */
    public static int intParam(UriQuery query, String name, int fallback, int min, int max) {
        if (!query.contains(name)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(query.get(name).strip());
            if (value < min || value > max) {
                throw ApiException.badRequest(INVALID);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(INVALID);
        }
    }
}
