package org.anb.showcase.app.videos;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Recognises an ISO base media file (the container of MP4, MOV, M4V and 3GP) by its first box, not its name or
 * declared type. Only what is clearly something else is refused here: phones and editors write every brand (an
 * iPhone's {@code .mp4} says {@code qt  }), and whether the file holds a usable video is the worker's decision, which
 * probes its content and tells the owner why when it does not.
 */
public final class Mp4Signature {
    /** Bytes needed to decide: box size (4), box type (4), and for {@code ftyp} the major brand (4). */
    public static final int LENGTH = 12;

    /** Box types that may open a file: {@code ftyp} in every modern writer; older QuickTime files start otherwise. */
    private static final Set<String> OPENING_BOXES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot");
    private static final int SIZE_TO_END_OF_FILE = 0;
    private static final int SIZE_IN_64_BITS = 1;
    private static final int HEADER = 8;
    private static final int FTYP_MINIMUM = 16;

    private Mp4Signature() {
    }

    public static boolean matches(byte[] head) {
        if (head.length < LENGTH) {
            return false;
        }
        long size = ((head[0] & 0xffL) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        String type = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
        if (!OPENING_BOXES.contains(type)) {
            return false;
        }
        if (type.equals("ftyp")) {
            return size >= FTYP_MINIMUM && printable(head, 8, 4);
        }
        return size == SIZE_TO_END_OF_FILE || size == SIZE_IN_64_BITS || size >= HEADER;
    }

    /** Brands are four printable ASCII characters (spaces included: {@code "qt  "}, {@code "M4V "}). */
    private static boolean printable(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
