package org.anb.showcase.worker.media;

import java.time.Duration;

/**
 * What the probe learnt about the video track the encoder will read.
 *
 * @param streamIndex the track's index in the file (a cover picture may come first; it is never this one)
 * @param width stored width in pixels
 * @param height stored height in pixels
 * @param pixelAspect width of one stored pixel on screen relative to its height (1 for square pixels)
 * @param rotation clockwise degrees a player turns the picture to show it upright: 0, 90, 180 or 270
 * @param frameRate average frames per second
 * @param duration how long the video track lasts
 * @param hdr whether its transfer is HDR (PQ or HLG, as iPhones record by default): it must be tone-mapped to SDR
 */
public record ProbedVideo(int streamIndex, String codec, int width, int height, double pixelAspect, int rotation,
                          double frameRate, Duration duration, boolean hdr) {

    /** Width of the picture as shown, upright, in square pixels of its stored height. */
    public double displayWidth() {
        return quarterTurn() ? height : width * pixelAspect;
    }

    public double displayHeight() {
        return quarterTurn() ? width * pixelAspect : height;
    }

    private boolean quarterTurn() {
        return rotation == 90 || rotation == 270;
    }
}
