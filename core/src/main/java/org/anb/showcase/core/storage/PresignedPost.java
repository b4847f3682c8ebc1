package org.anb.showcase.core.storage;

import java.time.Instant;
import java.util.Map;

/** A browser-form upload: POST {@code url} as multipart/form-data with {@code fields} first, then {@code file}. */
public record PresignedPost(String url, Map<String, String> fields, Instant expiresAt) {
}
