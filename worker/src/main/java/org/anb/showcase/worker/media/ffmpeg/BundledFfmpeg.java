package org.anb.showcase.worker.media.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.bytedeco.javacpp.Loader;

/**
 * Unpacks the ffmpeg and ffprobe programs of org.bytedeco's GPL jar (FFmpeg 8 with libx264) and their libraries
 * into a directory of their own, once per jar content, with the desktop device libraries unlinked (see
 * {@link ElfDependencies}). Nothing is loaded into the JVM: JavaCPP's own loader would load every JNI library,
 * libavdevice's included, and fail on a server without libpulse. The same jar, unpacked the same way, runs in the
 * tests, the local mode and the worker image.
 */
public final class BundledFfmpeg {
    /** Libraries for capture and playback devices (sound servers, X): never used to transcode files. */
    private static final List<String> DEVICE_LIBRARIES = List.of("libpulse", "libasound", "libxcb", "libX", "libSDL",
            "libjack", "libv4l", "libopenal", "libcdio", "libdc1394");
    private static final String COMPLETE = ".complete";

    private BundledFfmpeg() {
    }

    /** The directory holding {@code ffmpeg}, {@code ffprobe} and their libraries, unpacked under {@code cacheRoot}. */
    public static Path unpack(Path cacheRoot) {
        String folder = "org/bytedeco/ffmpeg/" + Loader.getPlatform() + "-gpl/";
        URL program = BundledFfmpeg.class.getClassLoader().getResource(folder + "ffmpeg");
        if (program == null) {
            throw new IllegalStateException("no bundled ffmpeg for " + Loader.getPlatform()
                    + ": set worker.ffmpeg-path and worker.ffprobe-path to an ffmpeg 8 with libx264");
        }
        try (JarFile jar = openUncached(program)) {
            List<JarEntry> entries = jar.stream()
                    .filter(e -> !e.isDirectory() && e.getName().startsWith(folder)
                            && !fileName(e).startsWith("libjni"))
                    .sorted(Comparator.comparing(JarEntry::getName)).toList();
            Path target = cacheRoot.resolve("ffmpeg-" + fingerprint(entries));
            if (!Files.exists(target.resolve(COMPLETE))) {
                install(jar, entries, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled ffmpeg into " + cacheRoot + " (" + e
                    + "): point worker.ffmpeg-cache-dir at a writable directory", e);
        }
    }

    /** Unpacks into a fresh sibling directory, then renames it into place: a concurrent unpack never sees half. */
    private static void install(JarFile jar, List<JarEntry> entries, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".part-");
        try {
            for (JarEntry entry : entries) {
                Path file = staging.resolve(fileName(entry));
                try (InputStream in = jar.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    if (fileName(entry).startsWith("libavdevice.")) {
                        ElfDependencies.remove(bytes, BundledFfmpeg::isDeviceLibrary);
                    }
                    Files.write(file, bytes);
                }
                if (!fileName(entry).startsWith("lib")) {
                    file.toFile().setExecutable(true, false);
                }
            }
            Files.createFile(staging.resolve(COMPLETE));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.exists(target.resolve(COMPLETE))) {
                    throw e;
                }
                // Another process unpacked the same content first: use theirs.
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    /** A JarFile of our own to close, not the URL cache's shared one. */
    private static JarFile openUncached(URL entry) throws IOException {
        JarURLConnection connection = (JarURLConnection) entry.openConnection();
        connection.setUseCaches(false);
        return connection.getJarFile();
    }

    static boolean isDeviceLibrary(String name) {
        return DEVICE_LIBRARIES.stream().anyMatch(name::startsWith);
    }

    private static String fileName(JarEntry entry) {
        return entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
    }

    /** Names, sizes and CRCs of the entries (and this unpacker's rules): a new jar or new rules, a new directory. */
    private static String fingerprint(List<JarEntry> entries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join(",", DEVICE_LIBRARIES).getBytes(StandardCharsets.UTF_8));
            for (JarEntry entry : entries) {
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                digest.update(ByteBuffer.allocate(16).putLong(entry.getSize()).putLong(entry.getCrc()).array());
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
