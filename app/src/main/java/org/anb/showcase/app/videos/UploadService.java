package org.anb.showcase.app.videos;

import java.util.UUID;

import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.observe.UploadMetrics;
import org.anb.showcase.core.queue.JobQueue;
import org.anb.showcase.core.queue.ProcessingJob;
import org.anb.showcase.core.storage.ObjectStore;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Registers a stored original: writes the row, then enqueues its job, and only then is the upload accepted. If
 * either step fails, what was done is undone (row, then object) and the client gets a 503 to retry: nothing is
 * left half-done. A crash between the two steps leaves an {@code uploaded} row that {@link UploadSweeper} enqueues.
 */
public final class UploadService {
    private static final System.Logger LOG = System.getLogger(UploadService.class.getName());

    private final VideoRepository videos;
    private final JobQueue queue;
    private final ObjectStore store;
    private final UploadMetrics metrics = new UploadMetrics();

    public UploadService(VideoRepository videos, JobQueue queue, ObjectStore store) {
        this.videos = videos;
        this.queue = queue;
        this.store = store;
    }

    /** @return the queue's id for the processing task */
    public String register(VideoRepository.NewVideo video) {
        try {
            videos.insert(video);
        } catch (RuntimeException e) {
            discardObject(video.originalKey());
            throw e;
        }
        try {
            String taskId = queue.send(new ProcessingJob(video.id()));
            metrics.accepted(video.originalBytes());
            return taskId;
        } catch (SdkException e) {
            LOG.log(System.Logger.Level.WARNING, "queue unreachable, upload " + video.id() + " undone: " + e);
            undo(video);
            throw ApiException.unavailable();
        }
    }

    private void undo(VideoRepository.NewVideo video) {
        try {
            videos.delete(video.id());
            discardObject(video.originalKey());
        } catch (RuntimeException e) {
            // The row stays 'uploaded'; the sweeper will enqueue it once the queue is back.
            LOG.log(System.Logger.Level.WARNING, "could not undo upload " + video.id() + "; sweeper will retry: " + e);
        }
    }

    void discardObject(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete orphan object " + key + ": " + e);
        }
    }

    static UUID newVideoId() {
        return UUID.randomUUID();
    }
}
