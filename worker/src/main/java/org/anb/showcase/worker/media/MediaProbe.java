package org.anb.showcase.worker.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks an input with ffprobe before anything is encoded: an MP4 container with a video stream, a duration within
 * the rules, and a frame size that cannot exhaust the machine. Every refusal carries the reason its owner will read.
 */
public final class MediaProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FfmpegTools tools;
    private final MediaRules rules;

    public MediaProbe(FfmpegTools tools, MediaRules rules) {
        this.tools = tools;
        this.rules = rules;
    }

    /** The input's properties, or {@link InvalidMediaException} when it breaks the rules. */
    public ProbedVideo probe(Path input) throws InvalidMediaException, InterruptedException {
        JsonNode info;
        try {
            info = JSON.readTree(ProcessRunner.run(List.of(tools.ffprobe().toString(), "-v", "error",
                    "-print_format", "json", "-show_format", "-show_streams", input.toString()), tools.environment(), input.getParent(), TIMEOUT));
        } catch (ProcessRunner.ToolFailedException | IOException e) {
            throw new InvalidMediaException("El archivo no es un video legible.");
        }
        if (!info.path("format").path("format_name").asText().contains("mp4")) {
            throw new InvalidMediaException("El archivo no es un video MP4.");
        }
        JsonNode video = null;
        for (JsonNode stream : info.path("streams")) {
            if ("video".equals(stream.path("codec_type").asText()) && stream.path("disposition").path("attached_pic").asInt() == 0) {
                video = stream;
                break;
            }
        }
        if (video == null) {
            throw new InvalidMediaException("El archivo no contiene una pista de video.");
        }
        int width = video.path("width").asInt();
        int height = video.path("height").asInt();
        if (width <= 0 || height <= 0) {
            throw new InvalidMediaException("No se pudo leer la resolución del video.");
        }
        if (width > rules.maxWidth() || height > rules.maxHeight()) {
            throw new InvalidMediaException("La resolución del video (" + width + "x" + height
                    + ") supera el máximo de " + rules.maxWidth() + "x" + rules.maxHeight() + ".");
        }
        double seconds = info.path("format").path("duration").asDouble(-1);
        if (seconds <= 0) {
            throw new InvalidMediaException("No se pudo leer la duración del video.");
        }
        Duration duration = Duration.ofMillis((long) (seconds * 1000));
        if (duration.compareTo(rules.minDuration()) < 0 || duration.compareTo(rules.maxDuration()) > 0) {
            throw new InvalidMediaException(String.format(java.util.Locale.ROOT,
                    "El video dura %.1f s; debe durar entre %d y %d s.", seconds,
                    rules.minDuration().toSeconds(), rules.maxDuration().toSeconds()));
        }
        return new ProbedVideo(width, height, duration);
    }

    public record ProbedVideo(int width, int height, Duration duration) {
    }
}
