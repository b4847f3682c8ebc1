package org.anb.showcase.worker.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled ffmpeg needs nothing from the machine but glibc and the C++ runtime (what a minimal Debian or Ubuntu
 * server has): checked on the unpacked files' own dependency lists, then by running them with an empty environment.
 */
class BundledFfmpegTest {
    /** What a minimal server image has: glibc's libraries and the C++ runtime that apt itself needs. */
    private static final Set<String> BASE_SYSTEM = Set.of("libc.so.6", "libm.so.6", "libmvec.so.1", "libpthread.so.0",
            "libdl.so.2", "librt.so.1", "ld-linux-x86-64.so.2", "libstdc++.so.6", "libgcc_s.so.1");

    @TempDir
    Path cache;

    @Test
    void everyUnpackedFileNeedsOnlyBundledOrBaseSystemLibraries() throws IOException {
        Path dir = BundledFfmpeg.unpack(cache);

        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList();
        }
        Set<String> bundled = Set.copyOf(files.stream().map(f -> f.getFileName().toString()).toList());
        assertThat(bundled).contains("ffmpeg", "ffprobe").noneMatch(name -> name.startsWith("libjni"));
        for (Path file : files) {
            for (String library : ElfDependencies.needed(Files.readAllBytes(file))) {
                assertThat(bundled.contains(library) || BASE_SYSTEM.contains(library))
                        .as(file.getFileName() + " needs " + library).isTrue();
            }
        }
    }

    @Test
    void unlinkingKeepsEveryOtherDependencyInOrder() throws IOException {
        Path dir = BundledFfmpeg.unpack(cache);
        Path avdevice;
        try (Stream<Path> listing = Files.list(dir)) {
            avdevice = listing.filter(f -> f.getFileName().toString().startsWith("libavdevice.")).findFirst().orElseThrow();
        }
        byte[] original;
        try (var jar = new java.util.jar.JarFile(jarOf(avdevice.getFileName().toString()))) {
            original = jar.getInputStream(jar.stream().filter(e -> e.getName().endsWith("/" + avdevice.getFileName()))
                    .findFirst().orElseThrow()).readAllBytes();
        }
        List<String> before = ElfDependencies.needed(original);
        assertThat(before).as("the jar's libavdevice links the desktop's device libraries")
                .contains("libpulse.so.0", "libasound.so.2", "libxcb.so.1");

        List<String> removed = ElfDependencies.remove(original, BundledFfmpeg::isDeviceLibrary);

        assertThat(removed).containsExactlyInAnyOrder("libpulse.so.0", "libasound.so.2", "libxcb.so.1", "libxcb-shm.so.0");
        List<String> expected = new ArrayList<>(before);
        expected.removeAll(removed);
        assertThat(ElfDependencies.needed(original)).containsExactlyElementsOf(expected);
        assertThat(Files.readAllBytes(avdevice)).isEqualTo(original);
    }

    @Test
    void theProgramsRunWithAnEmptyEnvironmentButTheirLibraryPath() throws Exception {
        Path dir = BundledFfmpeg.unpack(cache);
        for (String program : List.of("ffmpeg", "ffprobe")) {
            ProcessBuilder builder = new ProcessBuilder(dir.resolve(program).toString(), "-hide_banner", "-version")
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().put("LD_LIBRARY_PATH", dir.toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(output).isZero();
            assertThat(output).startsWith(program + " version 8.").doesNotContain("no version information");
        }
    }

    @Test
    void concurrentUnpacksShareOneCompleteDirectory() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> unpacks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                unpacks.add(pool.submit((Callable<Path>) () -> BundledFfmpeg.unpack(cache)));
            }
            Set<Path> dirs = new java.util.HashSet<>();
            for (Future<Path> unpack : unpacks) {
                dirs.add(unpack.get());
            }
            assertThat(dirs).hasSize(1);
            try (Stream<Path> listing = Files.list(cache)) {
                assertThat(listing.toList()).as("no staging directory left behind").containsExactlyElementsOf(dirs);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.io.File jarOf(String libraryName) {
        String resource = Thread.currentThread().getContextClassLoader().getResource(
                "org/bytedeco/ffmpeg/" + org.bytedeco.javacpp.Loader.getPlatform() + "-gpl/" + libraryName).getPath();
        return new java.io.File(java.net.URI.create(resource.substring(0, resource.indexOf("!/"))));
    }
}
