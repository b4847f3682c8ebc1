package org.anb.showcase.worker.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decides, from the file's content, whether an upload is a video the encoder can take: an ISO base media file (MP4,
 * MOV, M4V, 3GP — whatever its brand or name) that is whole, with a real video track (never a cover picture) inside
 * the caps of {@link MediaRules}. Nothing is decoded. Every refusal carries the reason its owner will read.
 */
public final class MediaProbe {
    /** Reasons are read by players: "75,0 s", as numbers are written in Colombia. */
    private static final Locale SPANISH = Locale.forLanguageTag("es-CO");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** PQ (HDR10, Dolby Vision) and HLG. */
    private static final java.util.Set<String> HDR_TRANSFERS = java.util.Set.of("smpte2084", "arib-std-b67");

    private final FfmpegTools tools;
    private final MediaRules rules;
    private final Duration timeout;

    public MediaProbe(FfmpegTools tools, MediaRules rules) {
        this(tools, rules, TIMEOUT);
    }

    /** With another limit for ffprobe's reading (a test's hanging input need not wait 30 s). */
    MediaProbe(FfmpegTools tools, MediaRules rules, Duration timeout) {
        this.tools = tools;
        this.rules = rules;
        this.timeout = timeout;
    }

    /** The video track to encode, or {@link InvalidMediaException} when the file breaks the rules. */
    public ProbedVideo probe(Path input) throws InvalidMediaException, InterruptedException {
        JsonNode info = read(input);
        if (!info.path("format").path("format_name").asText().contains("mp4")) {
            throw new InvalidMediaException("El archivo no es un video MP4.");
        }
        if (IsoBoxes.isTruncated(input)) {
            throw new InvalidMediaException("El archivo está incompleto: se cortó durante la subida o la copia.");
        }
        int streams = info.path("streams").size();
        if (streams > rules.maxStreams()) {
            throw new InvalidMediaException("El archivo tiene " + streams + " pistas; el máximo es "
                    + rules.maxStreams() + ".");
        }
        JsonNode stream = videoStream(info);
        ProbedVideo video = describe(stream, info.path("format"));
        check(video);
        return video;
    }

    private JsonNode read(Path input) throws InvalidMediaException, InterruptedException {
        try {
            return JSON.readTree(ProcessRunner.run(List.of(tools.ffprobe().toString(), "-v", "error",
                    "-print_format", "json", "-show_format", "-show_streams", input.toString()),
                    tools.environment(), input.getParent(), timeout));
        } catch (ProcessRunner.ToolFailedException | IOException e) {
            if (e instanceof ProcessRunner.ToolFailedException failed && !failed.causedByInput()) {
                throw failed;
            }
            throw new InvalidMediaException("El archivo no es un video legible: está dañado o incompleto.");
        }
    }

    /**
     * The real video track: never an attached picture (cover art), and among the rest the one that lasts longest
     * (a camera's thumbnail track holds a single frame), then the largest, then the first.
     */
    private static JsonNode videoStream(JsonNode info) throws InvalidMediaException {
        JsonNode best = null;
        for (JsonNode stream : info.path("streams")) {
            if ("video".equals(stream.path("codec_type").asText())
                    && stream.path("disposition").path("attached_pic").asInt() == 0
                    && (best == null || longerOrLarger(stream, best))) {
                best = stream;
            }
        }
        if (best == null) {
            throw new InvalidMediaException("El archivo no contiene una pista de video.");
        }
        return best;
    }

    private static boolean longerOrLarger(JsonNode stream, JsonNode than) {
        int byDuration = Double.compare(stream.path("duration").asDouble(0), than.path("duration").asDouble(0));
        if (byDuration != 0) {
            return byDuration > 0;
        }
        return (long) stream.path("width").asInt() * stream.path("height").asInt()
                > (long) than.path("width").asInt() * than.path("height").asInt();
    }

    private static ProbedVideo describe(JsonNode stream, JsonNode format) {
        double seconds = stream.path("duration").asDouble(-1);
        if (seconds <= 0) {
            seconds = format.path("duration").asDouble(-1);
        }
        double frameRate = rate(stream.path("avg_frame_rate").asText());
        if (frameRate <= 0) {
            frameRate = rate(stream.path("r_frame_rate").asText());
        }
        return new ProbedVideo(stream.path("index").asInt(), stream.path("codec_name").asText(""),
                stream.path("width").asInt(), stream.path("height").asInt(),
                pixelAspect(stream.path("sample_aspect_ratio").asText()), rotation(stream), frameRate,
                Duration.ofMillis(Math.max(0, (long) (seconds * 1000))),
                HDR_TRANSFERS.contains(stream.path("color_transfer").asText()));
    }

    private void check(ProbedVideo video) throws InvalidMediaException {
        if (video.codec().isEmpty() || video.width() <= 0 || video.height() <= 0) {
            throw new InvalidMediaException("El formato de la pista de video no es compatible.");
        }
        if (!rules.frameFits(video.width(), video.height())) {
            throw new InvalidMediaException("La resolución del video (" + video.width() + "x" + video.height()
                    + ") supera el máximo de " + rules.maxWidth() + "x" + rules.maxHeight() + ".");
        }
        if (video.frameRate() > rules.maxFrameRate()) {
            throw new InvalidMediaException(String.format(Locale.ROOT,
                    "El video tiene %.0f cuadros por segundo; el máximo es %.0f.", video.frameRate(),
                    rules.maxFrameRate()));
        }
        if (video.duration().isZero()) {
            throw new InvalidMediaException("No se pudo leer la duración del video.");
        }
        if (video.duration().compareTo(rules.minDuration()) < 0 || video.duration().compareTo(rules.maxDuration()) > 0) {
            throw new InvalidMediaException(String.format(SPANISH, "El video dura %.1f s; debe durar entre %s y %s s.",
                    video.duration().toMillis() / 1000.0, seconds(rules.minDuration()), seconds(rules.maxDuration())));
        }
    }

    /**
     * The part of {@code video} the broadcast keeps: from {@code start}, at most 30 s. A start that leaves less than the
     * minimum duration is the player's mistake, told in their terms.
     */
    public Excerpt excerpt(ProbedVideo video, Duration start) throws InvalidMediaException {
        Duration left = video.duration().minus(start);
        if (left.compareTo(rules.minDuration()) < 0) {
            throw new InvalidMediaException(String.format(SPANISH,
                    "El inicio elegido (%s s) deja %.1f s de video; se necesitan al menos %s s desde el inicio.",
                    seconds(start), Math.max(0, left.toMillis()) / 1000.0, seconds(rules.minDuration())));
        }
        return new Excerpt(start, Excerpt.min(left, BroadcastEncoder.MAX_MAIN));
    }

    /** "30000/1001" → 29.97; "0/0" (unknown) → 0. */
    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        try {
            double numerator = Double.parseDouble(parts[0]);
            double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return denominator > 0 && numerator > 0 ? numerator / denominator : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** "4:3" → 1.333; "0:1", "N/A" or nothing → square pixels. */
    private static double pixelAspect(String ratio) {
        String[] parts = ratio.split(":");
        if (parts.length != 2) {
            return 1;
        }
        double aspect = rate(parts[0] + "/" + parts[1]);
        return aspect > 0.01 && aspect < 100 ? aspect : 1;
    }

    /**
     * The clockwise quarter turn that shows the picture upright: the display matrix's rotation (counter-clockwise
     * degrees, as ffprobe reports it) or, from older writers, the {@code rotate} tag (clockwise).
     */
    private static int rotation(JsonNode stream) {
        for (JsonNode side : stream.path("side_data_list")) {
            if (side.has("rotation")) {
                return quarterTurns(-side.path("rotation").asDouble());
            }
        }
        return quarterTurns(stream.path("tags").path("rotate").asDouble(0));
    }

    private static int quarterTurns(double clockwiseDegrees) {
        long turns = Math.round(clockwiseDegrees / 90.0);
        return (int) (((turns % 4) + 4) % 4) * 90;
    }

    private static String seconds(Duration duration) {
        double value = duration.toMillis() / 1000.0;
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(SPANISH, "%.1f", value);
    }
}
