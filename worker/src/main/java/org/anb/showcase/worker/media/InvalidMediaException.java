package org.anb.showcase.worker.media;

/** The upload is not a video we can accept; {@link #getMessage()} is the reason shown to its owner (Spanish). */
public final class InvalidMediaException extends Exception {
    public InvalidMediaException(String reasonForOwner) {
        super(reasonForOwner, null, false, false);
    }
}
