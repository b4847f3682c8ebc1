package org.anb.showcase.worker.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Inputs of every kind phones, cameras and editors write, made by ffmpeg when needed (no media files in the
 * repository): for the media matrix test (small and short) and the per-class benchmark (full size). Like
 * {@link SyntheticClip}, it lives beside the code it feeds so that both the tests and the benchmarks reach it. The picture is upright with a red top half and a blue bottom half, so a check of the output can
 * tell upright from turned, picture from bars, and the real video from a green cover picture. A busy picture
 * (ffmpeg's moving test pattern with film grain) costs what real footage costs to decode and encode, for benchmarks.
 */
public final class MediaSamples {
    private static final String X264 = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p";
    private static final String X265 = "-c:v libx265 -preset ultrafast -tag:v hvc1 -x265-params log-level=error";

    private final FfmpegTools tools;
    private final Path dir;
    private final boolean busy;

    /** Samples with the red-over-blue picture, for checks of the output. */
    public MediaSamples(FfmpegTools tools, Path dir) {
        this(tools, dir, false);
    }

    /** Samples with a busy picture when {@code busy}, for benchmarks. */
    public MediaSamples(FfmpegTools tools, Path dir, boolean busy) {
        this.tools = tools;
        this.dir = dir;
        this.busy = busy;
    }

    /** The picture as an ffmpeg lavfi source. */
    public String picture(int width, int height, String rate, double seconds) {
        String size = width + "x" + height;
        return busy ? "testsrc2=s=" + size + ":r=" + rate + ":d=" + seconds + ",noise=alls=12:allf=t"
                : "color=c=red:s=" + size + ":r=" + rate + ":d=" + seconds
                        + ",drawbox=x=0:y=ih/2:w=iw:h=ih/2:color=blue:t=fill";
    }

    /** Encodes {@link #picture} with {@code codecAndContainer} options into {@code name}. */
    public Path clip(String name, int width, int height, String rate, double seconds, String codecAndContainer) {
        return ffmpeg(name, "-f lavfi -i " + picture(width, height, rate, seconds) + " " + codecAndContainer);
    }

    public Path h264(String name, int width, int height, String rate, double seconds, String extra) {
        return clip(name, width, height, rate, seconds, X264 + " " + extra);
    }

    public Path hevc(String name, int width, int height, String rate, double seconds, String pixelFormat) {
        return clip(name, width, height, rate, seconds, X265 + " -pix_fmt " + pixelFormat);
    }

    /** HEVC 10-bit in BT.2020 HLG, as iPhones record by default. */
    public Path hlg(String name, int width, int height, double seconds) {
        return hdr(name, width, height, seconds, "arib-std-b67");
    }

    /** HEVC 10-bit in BT.2020 PQ (HDR10). */
    public Path pq(String name, int width, int height, double seconds) {
        return hdr(name, width, height, seconds, "smpte2084");
    }

    /**
     * The colour description goes in x265's own VUI parameters: ffmpeg's {@code -color_trc} alone does not reach
     * the HEVC stream here, and a file that only claims HDR in the container is not what a phone writes.
     */
    private Path hdr(String name, int width, int height, double seconds, String transfer) {
        return clip(name, width, height, "30", seconds, X265.replace("-x265-params log-level=error",
                "-x265-params log-level=error:colorprim=bt2020:transfer=" + transfer + ":colormatrix=bt2020nc")
                + " -pix_fmt yuv420p10le -color_primaries bt2020 -color_trc " + transfer + " -colorspace bt2020nc");
    }

    /**
     * {@code before} seconds of plain green, then {@link #picture} for {@code seconds}: a broadcast that starts at
     * {@code before} shows red over blue, one that starts earlier shows green.
     */
    public Path greenThenPicture(String name, int width, int height, double before, double seconds) {
        return ffmpeg(name, "-f lavfi -i color=c=green:s=" + width + "x" + height + ":r=30:d=" + before
                + " -f lavfi -i " + picture(width, height, "30", seconds)
                + " -filter_complex [0:v][1:v]concat=n=2:v=1:a=0 " + X264);
    }

    /** A phone held upright: the picture stored turned a quarter clockwise, with the display matrix turning it back. */
    public Path upright(String name, int width, int height, double seconds) {
        Path stored = clip("stored-" + name, width, height, "30", seconds, "-vf transpose=1 " + X264);
        return ffmpeg(name, "-display_rotation 90 -i " + stored + " -c copy");
    }

    /** Cover art (a green picture) written as the file's attached picture. */
    public Path withCoverArt(String name, double seconds) {
        Path video = h264("video-" + name, 320, 180, "30", seconds, "");
        Path cover = ffmpeg("cover-" + name.replace(".mp4", ".png"), "-f lavfi -i color=green:s=320x180 -frames:v 1");
        return ffmpeg(name, "-i " + cover + " -i " + video + " -map 0 -map 1 -c copy -disposition:0 attached_pic");
    }

    /** A one-frame green thumbnail track before the real video track, as some cameras write. */
    public Path withThumbnailTrackFirst(String name, double seconds) {
        return ffmpeg(name, "-f lavfi -i color=green:s=320x180:r=1:d=1 -f lavfi -i " + picture(320, 180, "30", seconds)
                + " -map 0 -map 1 -c:v:0 mjpeg -c:v:1 libx264 -preset ultrafast -pix_fmt:v:1 yuv420p");
    }

    /** The same video track {@code tracks} times over. */
    public Path manyTracks(String name, int tracks) {
        Path video = h264("one-" + name, 64, 36, "10", 3, "");
        return ffmpeg(name, "-i " + video + " " + "-map 0:v ".repeat(tracks) + "-c copy");
    }

    public Path audioOnly(String name, double seconds) {
        return ffmpeg(name, "-f lavfi -i sine=frequency=440:duration=" + seconds + " -c:a aac");
    }

    /** The first third of a file whose index comes first: it opens, but most of its frames are missing. */
    public Path truncated(String name) throws IOException {
        Path whole = ffmpeg("whole-" + name, "-f lavfi -i testsrc2=size=640x360:rate=30:duration=4 "
                + X264 + " -movflags +faststart");
        byte[] bytes = Files.readAllBytes(whole);
        return Files.write(dir.resolve(name), Arrays.copyOf(bytes, bytes.length / 3));
    }

    /** A whole file whose index is intact but whose frames are noise: it probes well and cannot be decoded. */
    public Path undecodable(String name) throws IOException {
        Path whole = ffmpeg("frames-" + name, "-f lavfi -i testsrc2=size=640x360:rate=30:duration=3 "
                + X264 + " -movflags +faststart");
        byte[] bytes = Files.readAllBytes(whole);
        int mdat = indexOf(bytes, "mdat".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Random random = new Random(3);
        for (int i = mdat + 4; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return Files.write(dir.resolve(name), bytes);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    /** An MP4 signature followed by noise. */
    public Path corrupt(String name) throws IOException {
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's',
                'o', '2'};
        byte[] file = Arrays.copyOf(head, head.length + noise.length);
        System.arraycopy(noise, 0, file, head.length, noise.length);
        return Files.write(dir.resolve(name), file);
    }

    private Path ffmpeg(String name, String arguments) {
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-v",
                "error", "-y"));
        command.addAll(Arrays.asList(arguments.trim().split("\\s+")));
        command.add(out.toString());
        try {
            ProcessRunner.run(command, tools.environment(), dir, Duration.ofMinutes(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }
}
