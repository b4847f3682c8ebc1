package org.anb.showcase.local.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Files that pass (or fail) the API's MP4 signature check. The API only sniffs the container header; real media is
 * the worker's business, so these are an {@code ftyp} box followed by filler.
 */
public final class SampleVideos {
    private static final byte[] FTYP = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
            'i', 's', 'o', 'm', 'i', 's', 'o', '2'};

    private SampleVideos() {
    }

    public static byte[] smallMp4() {
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        System.arraycopy(FTYP, 0, bytes, 0, FTYP.length);
        return bytes;
    }

    /** An MP4-signed file of exactly {@code size} bytes, written to disk in chunks (never held in memory). */
    public static Path mp4File(Path dir, long size) {
        Path file = dir.resolve("sample-" + size + ".mp4");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(FTYP);
            byte[] chunk = new byte[1024 * 1024];
            new Random(size).nextBytes(chunk);
            for (long left = size - FTYP.length; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
