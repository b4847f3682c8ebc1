package org.anb.showcase.app.videos;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.JsonBody;
import org.anb.showcase.app.http.TooManyRequestsException;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.PresignedPost;

/**
 * The direct upload. The API signs a POST that lets the caller put at most {@code maxBytes}, as {@code video/mp4},
 * at a staging key under its own prefix ({@link ObjectKeys#incoming}), and records the form. Completion claims that
 * record in one conditional UPDATE (of two concurrent completions one wins, the other gets 409 and deletes
 * nothing), copies the object to the original's key — which no form can write, so the bytes checked are the bytes
 * processed even if the form is used again — checks the copy (size, MP4 signature) and registers it exactly like a
 * multipart upload. Forms never completed are swept with their staging objects once expired.
 */
final class DirectUploads {
    private final ObjectStore store;
    private final UploadService uploads;
    private final VideoRepository videos;
    private final PendingUploads pending;
    private final UploadQuota quota;
    private final UploadLimits limits;

    DirectUploads(ObjectStore store, UploadService uploads, VideoRepository videos, PendingUploads pending,
                  UploadQuota quota, UploadLimits limits) {
        this.store = store;
        this.uploads = uploads;
        this.videos = videos;
        this.pending = pending;
        this.quota = quota;
        this.limits = limits;
    }

    long maxBytes() {
        return limits.maxBytes();
    }

    /**
     * The file's size as the client declares it ({@code {"bytes": n}}), or empty when it does not: optional, so a
     * client that asks for a form without a body is served as before.
     */
    static OptionalLong declaredBytes(JsonBody body) {
        Optional<String> text = body.numberText("bytes");
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "Datos del video inválidos.",
                    Map.of("bytes", "Debe ser el tamaño del archivo en bytes, un número entero."));
        }
    }

    /**
     * A form for one file. A declared size over the limit (or an empty file) is refused before anything is held, and
     * a declared size is what the form admits and what the day's quota holds; without one, the largest file allowed.
     * Either way room is held until the form expires or the upload completes.
     */
    PresignedPost presign(UUID owner, UUID videoId, OptionalLong declaredBytes) {
        if (declaredBytes.isPresent() && declaredBytes.getAsLong() < 1) {
            throw invalid("El archivo de video está vacío.");
        }
        if (declaredBytes.isPresent() && declaredBytes.getAsLong() > limits.maxBytes()) {
            throw invalid(limits.tooLargeMessage(declaredBytes.getAsLong()));
        }
        long admitted = declaredBytes.orElse(limits.maxBytes());
        quota.reserve(owner, videoId, admitted, limits.directUploadValidity());
        String staging = ObjectKeys.incoming(owner, videoId);
        PresignedPost post = store.presignPost(staging, admitted, limits.directUploadValidity());
        if (!pending.open(videoId, owner, staging, post.expiresAt(), limits.maxPendingDirectUploads())) {
            quota.release(videoId);
            Duration wait = pending.soonestExpiry(owner).map(at -> Duration.between(Instant.now(), at))
                    .orElse(limits.directUploadValidity());
            throw new TooManyRequestsException("Tienes " + limits.maxPendingDirectUploads()
                    + " cargas sin completar. Complétalas o espera a que expiren.", wait);
        }
        return post;
    }

    String complete(UUID owner, UUID videoId, UploadRequest request) {
        switch (pending.claim(videoId, owner)) {
            case ALREADY_COMPLETING -> throw alreadyRegistered();
            case NONE -> throw videos.find(videoId).filter(v -> v.ownerId().equals(owner)).isPresent()
                    ? alreadyRegistered() : notUploaded();
            case CLAIMED -> { }
        }
        try {
            return checkAndRegister(owner, videoId, request);
        } finally {
            pending.close(videoId);
            quota.release(videoId);
        }
    }

    private String checkAndRegister(UUID owner, UUID videoId, UploadRequest request) {
        String staging = ObjectKeys.incoming(owner, videoId);
        if (store.size(staging).isEmpty()) {
            throw notUploaded();
        }
        String key = ObjectKeys.original(owner, videoId);
        store.copy(staging, key);
        uploads.discardObject(staging);
        long size = store.size(key).orElse(0L);
        if (size == 0 || size > limits.maxBytes()) {
            uploads.discardObject(key);
            throw invalid(size == 0 ? "El archivo de video está vacío." : limits.tooLargeMessage());
        }
        if (!Mp4Signature.matches(store.readPrefix(key, Mp4Signature.LENGTH))) {
            uploads.discardObject(key);
            throw invalid("El archivo debe ser un video MP4.");
        }
        return uploads.register(new VideoRepository.NewVideo(videoId, owner, request.title(), key, size,
                request.publish(), request.startSeconds()));
    }

    private static ApiException notUploaded() {
        return invalid("No se encontró el archivo subido. Súbelo a la URL firmada antes de completar la carga.");
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "Datos del video inválidos.", Map.of("video_file", message));
    }

    private static ApiException alreadyRegistered() {
        return new ApiException(409, "Esta carga ya fue registrada.");
    }
}
