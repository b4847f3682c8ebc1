package org.anb.showcase.core.storage;

import java.util.UUID;

/**
 * The bucket's layout, shared by the API and the worker. Keys are derived from ids only, so the same video always
 * maps to the same objects (a redelivered job overwrites, never duplicates) and the owner is part of the upload key
 * (a client can only complete a direct upload under its own prefix).
 */
public final class ObjectKeys {
    public static final String UPLOADS_PREFIX = "uploads/";
    /** Where a direct upload's form writes; the API copies a completed one to its original's key. */
    public static final String INCOMING_PREFIX = "incoming/";
    public static final String PROCESSED_PREFIX = "processed/";

    private ObjectKeys() {
    }

    public static String original(UUID ownerId, UUID videoId) {
        return UPLOADS_PREFIX + ownerId + "/" + videoId + ".mp4";
    }

    /**
     * Where a direct upload's signed form may write until it expires. The worker never reads it: completion copies
     * it to {@link #original}, which no form can reach, so what was checked is what gets processed.
     */
    public static String incoming(UUID ownerId, UUID videoId) {
        return INCOMING_PREFIX + ownerId + "/" + videoId + ".mp4";
    }

    public static String processed(UUID videoId) {
        return PROCESSED_PREFIX + videoId + ".mp4";
    }

    public static String poster(UUID videoId) {
        return PROCESSED_PREFIX + videoId + ".jpg";
    }
}
