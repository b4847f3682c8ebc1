package org.anb.showcase.worker.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Walks the top-level boxes of an ISO base media file to see whether it is whole. A file cut short (an upload or a
 * copy that stopped) still opens in ffprobe when its index comes first, and ffmpeg would quietly encode the part
 * that is there; the last box then claims more bytes than the file has. Reading a dozen box headers needs no library.
 */
final class IsoBoxes {
    private static final int HEADER = 8;

    private IsoBoxes() {
    }

    static boolean isTruncated(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            long at = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (at < length) {
                if (length - at < HEADER) {
                    return true;
                }
                header.clear().limit(16);
                channel.read(header, at);
                long size = Integer.toUnsignedLong(header.getInt(0));
                if (size == 0) {
                    return false; // the last box runs to the end of the file, whatever its length
                }
                if (size == 1) {
                    if (length - at < 16) {
                        return true;
                    }
                    size = header.getLong(8);
                }
                if (size < HEADER || at + size > length) {
                    return true;
                }
                at += size;
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
