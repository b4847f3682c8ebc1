package org.anb.showcase.app.videos;

import java.util.Map;
import java.util.UUID;

import io.helidon.dbclient.DbClientException;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.core.db.DbFailures;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.PresignedPost;

/**
 * The direct upload: the API signs a POST that lets the client put at most {@code maxBytes} at a key the server
 * chose under the caller's own prefix; the bytes go straight to S3; completion checks the object (exists, size,
 * MP4 signature) and registers it exactly like a multipart upload. Nothing is stored before completion, and since
 * the key embeds the owner, nobody can complete someone else's upload.
 */
final class DirectUploads {
    private final ObjectStore store;
    private final UploadService uploads;
    private final VideoRepository videos;
    private final UploadLimits limits;

    DirectUploads(ObjectStore store, UploadService uploads, VideoRepository videos, UploadLimits limits) {
        this.store = store;
        this.uploads = uploads;
        this.videos = videos;
        this.limits = limits;
    }

    long maxBytes() {
        return limits.maxBytes();
    }

    PresignedPost presign(UUID owner, UUID videoId) {
        return store.presignPost(ObjectKeys.original(owner, videoId), limits.maxBytes(), limits.directUploadValidity());
    }

    String complete(UUID owner, UUID videoId, UploadRequest request) {
        if (videos.find(videoId).isPresent()) {
            throw alreadyRegistered();
        }
        String key = ObjectKeys.original(owner, videoId);
        long size = store.size(key).orElseThrow(() -> invalid(
                "No se encontró el archivo subido. Súbelo a la URL firmada antes de completar la carga."));
        if (size == 0 || size > limits.maxBytes()) {
            uploads.discardObject(key);
            throw invalid(size == 0 ? "El archivo de video está vacío."
                    : limits.tooLargeMessage());
        }
        if (!Mp4Signature.matches(store.readPrefix(key, Mp4Signature.LENGTH))) {
            uploads.discardObject(key);
            throw invalid("El archivo debe ser un video MP4.");
        }
        try {
            return uploads.register(new VideoRepository.NewVideo(videoId, owner, request.title(), key, size,
                    request.publish()));
        } catch (DbClientException e) {
            if (DbFailures.isUniqueViolation(e)) {
                throw alreadyRegistered();
            }
            throw e;
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "Datos del video inválidos.", Map.of("video_file", message));
    }

    private static ApiException alreadyRegistered() {
        return new ApiException(409, "Esta carga ya fue registrada.");
    }
}
