package org.anb.showcase.core.storage;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams bytes of unknown length into one S3 object while holding at most one part in memory.
 *
 * <p>Why our own: the SDK's sync {@code putObject} needs the length up front (or buffers the whole body), and its
 * transfer manager needs the async CRT/Netty stack. A plain multipart upload with a fixed 5 MiB buffer keeps the
 * API's heap flat however large the upload is. Small bodies become a single PutObject. Until {@link #close()}
 * succeeds nothing is visible in the bucket; {@link #abort()} discards what was sent.
 */
public final class MultipartObjectWriter extends OutputStream {
    /** S3's minimum part size, and our memory bound per concurrent upload. */
    static final int PART_SIZE = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final byte[] buffer = new byte[PART_SIZE];
    private final List<CompletedPart> parts = new ArrayList<>();
    private int filled;
    private long written;
    private String uploadId;
    private boolean finished;

    MultipartObjectWriter(S3Client s3, String bucket, String key, String contentType) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
    }

    public long bytesWritten() {
        return written;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            int chunk = Math.min(length, PART_SIZE - filled);
            System.arraycopy(bytes, offset, buffer, filled, chunk);
            filled += chunk;
            written += chunk;
            offset += chunk;
            length -= chunk;
            if (filled == PART_SIZE) {
                sendPart();
            }
        }
    }

    /** Makes the object visible: completes the multipart upload, or puts a small body in one request. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        if (uploadId == null) {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), body());
            return;
        }
        if (filled > 0) {
            sendPart();
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    /** Discards everything sent so far; the key is left untouched. Safe to call more than once. */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        if (uploadId != null) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        }
    }

    private void sendPart() {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        }
        int partNumber = parts.size() + 1;
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                .contentLength((long) filled), body()).eTag();
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        filled = 0;
    }

    private RequestBody body() {
        return RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled);
    }
}
