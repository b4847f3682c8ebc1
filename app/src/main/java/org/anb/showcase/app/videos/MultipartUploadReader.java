package org.anb.showcase.app.videos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.media.multipart.MultiPart;
import io.helidon.http.media.multipart.ReadablePart;
import io.helidon.webserver.http.ServerRequest;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.MinimumRateInputStream;
import org.anb.showcase.core.storage.MultipartObjectWriter;
import org.anb.showcase.core.storage.ObjectStore;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reads a {@code multipart/form-data} upload in one pass: the {@code video_file} part is checked for the MP4
 * signature from its first bytes and streamed to S3 while its size is counted, so the heap holds one S3 part at a
 * time whatever the file's size. A refused file is discarded and the rest of the body drained, so the client gets
 * its 400 instead of a reset connection.
 */
final class MultipartUploadReader {
    private static final int COPY_BUFFER = 64 * 1024;
    private static final int MAX_FIELD_BYTES = 4 * 1024;

    private final ObjectStore store;
    private final UploadLimits limits;

    MultipartUploadReader(ObjectStore store, UploadLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /** The parsed form; its original is stored at {@code key} when this returns, and nowhere when it throws. */
    StoredForm read(ServerRequest req, String key) {
        boolean multipart = req.headers().contentType()
                .map(type -> type.test(MediaTypes.MULTIPART_FORM_DATA)).orElse(false);
        if (!multipart) {
            throw ApiException.badRequest("La solicitud debe ser multipart/form-data con los campos 'video_file' y 'title'.");
        }
        Optional<String> title = Optional.empty();
        Optional<String> publish = Optional.empty();
        Optional<String> start = Optional.empty();
        long storedBytes = -1;
        MultiPart parts = null;
        try {
            parts = req.content().as(MultiPart.class);
            while (parts.hasNext()) {
                ReadablePart part = parts.next();
                switch (part.name()) {
                    case "video_file" -> {
                        if (storedBytes >= 0) {
                            throw invalid("video_file", "Envía un solo archivo de video.");
                        }
                        storedBytes = store(part, key);
                    }
                    case "title" -> title = Optional.of(smallField(part));
                    case "publish" -> publish = Optional.of(smallField(part));
                    case "start_seconds" -> start = Optional.of(smallField(part));
                    default -> drain(MinimumRateInputStream.of(part.inputStream()));
                }
            }
            if (storedBytes < 0) {
                throw invalid("video_file", "Falta el archivo de video (campo 'video_file').");
            }
            return new StoredForm(UploadRequest.validate(title, publish, start), storedBytes);
        } catch (RuntimeException e) {
            if (!isTooSlow(e)) {
                drainRemaining(parts); // a client too slow to send its body is not waited for again: we close
            }
            if (storedBytes >= 0) {
                store.delete(key);
            }
            throw asClientError(e);
        }
    }

    private long store(ReadablePart part, String key) {
        InputStream in = MinimumRateInputStream.of(part.inputStream());
        byte[] head = readNBytes(in, Mp4Signature.LENGTH);
        if (head.length == 0) {
            throw invalid("video_file", "El archivo de video está vacío.");
        }
        if (!Mp4Signature.matches(head)) {
            drain(in);
            throw invalid("video_file", "El archivo debe ser un video MP4.");
        }
        MultipartObjectWriter writer = store.openWriter(key, "video/mp4");
        try {
            writer.write(head, 0, head.length);
            byte[] buffer = new byte[COPY_BUFFER];
            for (int n = read(in, buffer); n >= 0; n = read(in, buffer)) {
                if (writer.bytesWritten() + n > limits.maxBytes()) {
                    writer.abort();
                    drain(in);
                    throw invalid("video_file", limits.tooLargeMessage());
                }
                writer.write(buffer, 0, n);
            }
            writer.close();
            return writer.bytesWritten();
        } catch (RuntimeException e) {
            writer.abort();
            throw e;
        }
    }

    private static String smallField(ReadablePart part) {
        byte[] bytes = readNBytes(MinimumRateInputStream.of(part.inputStream()), MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw invalid(part.name(), "Valor demasiado largo.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean isTooSlow(RuntimeException e) {
        return e instanceof ApiException refusal && refusal.status() == 408;
    }

    private static RuntimeException asClientError(RuntimeException e) {
        if (e instanceof ApiException || e instanceof SdkException) {
            return e;
        }
        // Anything else here is the multipart parser refusing the body (bad boundary, truncated part...).
        return ApiException.badRequest("El cuerpo multipart/form-data está mal formado.");
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, "Datos del video inválidos.", Map.of(field, message));
    }

    private static byte[] readNBytes(InputStream in, int n) {
        try {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw interrupted();
        }
    }

    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw interrupted();
        }
    }

    private static void drainRemaining(MultiPart parts) {
        try {
            while (parts != null && parts.hasNext()) {
                drain(MinimumRateInputStream.of(parts.next().inputStream()));
            }
        } catch (RuntimeException ignored) {
            // A malformed body cannot be read further; the server closes the connection.
        }
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException ignored) {
            // Best effort: the server's max-payload-size bounds what a client can make us read.
        }
    }

    private static ApiException interrupted() {
        return ApiException.badRequest("La carga del archivo se interrumpió.");
    }

    /** The validated form and the size of the original that was stored. */
    record StoredForm(UploadRequest request, long bytes) {
    }
}
