package org.anb.showcase.app.videos;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Recognises an MP4 by its container signature, not its name or declared type: an ISO base media file starts with
 * an {@code ftyp} box whose major brand is a video MP4 brand. Image formats that share the container (HEIC, AVIF)
 * and QuickTime are refused. The worker's ffprobe does the full validation later.
 */
public final class Mp4Signature {
    /** Bytes needed to decide: box size (4), "ftyp" (4), major brand (4). */
    public static final int LENGTH = 12;

    private static final Set<String> VIDEO_BRANDS = Set.of(
            "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4", "MSNV",
            "f4v ");

    private Mp4Signature() {
    }

    public static boolean matches(byte[] head) {
        if (head.length < LENGTH) {
            return false;
        }
        String boxType = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
        String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
        return boxType.equals("ftyp") && VIDEO_BRANDS.contains(brand);
    }
}
