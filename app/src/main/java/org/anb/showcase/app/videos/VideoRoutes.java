package org.anb.showcase.app.videos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.auth.Authenticator;
import org.anb.showcase.app.contest.EditionRules;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.app.http.MediaLinks;
import org.anb.showcase.app.http.JsonBody;
import org.anb.showcase.app.http.PathIds;
import org.anb.showcase.app.http.PublicPages;
import org.anb.showcase.app.ranking.RankingRepository;
import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.core.storage.ObjectKeys;
import org.anb.showcase.core.storage.ObjectStore;
import org.anb.showcase.core.storage.PresignedPost;

/** {@code /api/videos}: a player's own videos. Every handler starts from the caller's token and checks ownership. */
public final class VideoRoutes {
    static final String ACCEPTED = "Video subido correctamente. Procesamiento en curso.";
    /** Longer than any upload the server lets finish (it drops clients slower than 8 KiB/s). */
    private static final java.time.Duration MULTIPART_RESERVATION = java.time.Duration.ofHours(4);

    private final Authenticator auth;
    private final VideoService videos;
    private final MultipartUploadReader multipart;
    private final DirectUploads direct;
    private final UploadService uploads;
    private final UploadQuota quota;
    private final PublicPages pages;
    private final EditionRules rules;

    VideoRoutes(Authenticator auth, VideoService videos, MultipartUploadReader multipart,
                DirectUploads direct, UploadService uploads, UploadQuota quota, PublicPages pages, EditionRules rules) {
        this.auth = auth;
        this.videos = videos;
        this.multipart = multipart;
        this.direct = direct;
        this.uploads = uploads;
        this.quota = quota;
        this.pages = pages;
        this.rules = rules;
    }

    /** Wires the feature from the shared clients. */
    public static VideoRoutes create(DbClient db, ObjectStore store, JobQueue queue, Authenticator auth,
                                     UploadLimits limits, PublicPages pages, EditionRules rules) {
        VideoRepository repository = new VideoRepository(db);
        UploadService uploads = new UploadService(repository, queue, store);
        UploadQuota quota = new UploadQuota(db, limits);
        return new VideoRoutes(auth,
                new VideoService(repository, new VideoViews(new MediaLinks(store)), uploads, new RankingRepository(db)),
                new MultipartUploadReader(store, limits),
                new DirectUploads(store, uploads, repository, new PendingUploads(db), quota, limits),
                uploads, quota, pages, rules);
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/videos/upload", this::upload),
                Endpoint.post("/api/videos/uploads", this::startDirectUpload),
                Endpoint.post("/api/videos/uploads/{video_id}/complete", this::completeDirectUpload),
                Endpoint.get("/api/videos", this::listMine),
                Endpoint.get("/api/videos/{video_id}", this::detail),
                Endpoint.delete("/api/videos/{video_id}", this::delete),
                Endpoint.post("/api/videos/{video_id}/publish", this::publish));
    }

    private void upload(ServerRequest req, ServerResponse res) {
        UUID owner = auth.requireUser(req);
        rules.requireRoomForEntry(owner);
        UUID videoId = UploadService.newVideoId();
        long declared = req.headers().contentLength().orElse(Long.MAX_VALUE);
        try (var room = quota.reserve(owner, videoId, declared, MULTIPART_RESERVATION)) {
            String key = ObjectKeys.original(owner, videoId);
            MultipartUploadReader.StoredForm form = multipart.read(req, key);
            String taskId = uploads.register(new VideoRepository.NewVideo(videoId, owner, form.request().title(), key,
                    form.bytes(), form.request().publish(), form.request().startSeconds()));
            accepted(res, videoId, taskId);
        }
    }

    private void startDirectUpload(ServerRequest req, ServerResponse res) {
        UUID owner = auth.requireUser(req);
        OptionalLong declaredBytes = req.content().hasEntity()
                ? DirectUploads.declaredBytes(Json.readObject(req)) : OptionalLong.empty();
        rules.requireRoomForEntry(owner);
        UUID videoId = UploadService.newVideoId();
        PresignedPost post = direct.presign(owner, videoId, declaredBytes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("video_id", videoId.toString());
        body.put("upload_url", post.url());
        body.put("fields", post.fields());
        body.put("file_field", "file");
        body.put("max_bytes", direct.maxBytes());
        body.put("expires_at", post.expiresAt().toString());
        Json.send(res, 201, body);
    }

    private void completeDirectUpload(ServerRequest req, ServerResponse res) {
        UUID owner = auth.requireUser(req);
        UUID videoId = PathIds.videoId(req);
        JsonBody body = Json.readObject(req);
        UploadRequest request = UploadRequest.validate(body.text("title"),
                body.bool("publish").map(String::valueOf), body.numberText("start_seconds"));
        String taskId = direct.complete(owner, videoId, request);
        accepted(res, videoId, taskId);
    }

    private void listMine(ServerRequest req, ServerResponse res) {
        UUID owner = auth.requireUser(req);
        Json.ok(res, videos.listMine(owner));
    }

    private void detail(ServerRequest req, ServerResponse res) {
        UUID owner = auth.requireUser(req);
        Json.ok(res, videos.detail(owner, PathIds.videoId(req)));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        UUID owner = auth.requireUser(req);
        UUID videoId = PathIds.videoId(req);
        videos.delete(owner, videoId);
        Json.ok(res, Map.of("message", "El video ha sido eliminado exitosamente.", "video_id", videoId.toString()));
    }

    private void publish(ServerRequest req, ServerResponse res) {
        UUID owner = auth.requireUser(req);
        UUID videoId = PathIds.videoId(req);
        switch (videos.publish(owner, videoId)) {
            case AWAITING_MODERATION -> {
                Json.send(res, 202, Map.of("message", "El video se publicará cuando un moderador lo apruebe.",
                        "video_id", videoId.toString()));
                return;
            }
            case AWAITING_GUARDIAN -> {
                Json.send(res, 202, Map.of("message", "El video se publicará cuando tu acudiente autorice tu "
                        + "participación con el enlace que le enviamos.", "video_id", videoId.toString()));
                return;
            }
            case PUBLISHED -> { }
        }
        pages.changed();
        Json.ok(res, Map.of("message", "Video publicado para votación.", "video_id", videoId.toString()));
    }

    private static void accepted(ServerResponse res, UUID videoId, String taskId) {
        Json.send(res, 201, Map.of("message", ACCEPTED, "task_id", taskId, "video_id", videoId.toString()));
    }
}
