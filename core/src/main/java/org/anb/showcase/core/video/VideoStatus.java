package org.anb.showcase.core.video;

/** The life of an upload: {@code uploaded → processing → processed | failed}. Stored as its lower-case name. */
public enum VideoStatus {
    UPLOADED, PROCESSING, PROCESSED, FAILED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static VideoStatus fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
