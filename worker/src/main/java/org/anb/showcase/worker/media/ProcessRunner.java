package org.anb.showcase.worker.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool (ffmpeg, ffprobe) to completion. Its output goes to a file, not a pipe, so a chatty tool can
 * never block on a full buffer. Interrupting the caller kills the tool: that is how a stopping worker aborts an
 * encode.
 */
public final class ProcessRunner {
    private static final int STDERR_TAIL = 2_000;

    private ProcessRunner() {
    }

    /** What the tool printed on stdout; throws {@link ToolFailedException} on a non-zero exit or a timeout. */
    public static String run(List<String> command, Map<String, String> environment, Path workDir, Duration timeout)
            throws InterruptedException {
        Path stdout = workDir.resolve("tool-" + System.nanoTime() + ".out");
        Path stderr = workDir.resolve("tool-" + System.nanoTime() + ".err");
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new ToolFailedException("cannot start " + command.getFirst() + ": " + e.getMessage(), -1, "");
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new ToolFailedException(name(command) + " timed out after " + timeout.toSeconds() + " s", -1,
                        tail(stderr));
            }
            if (process.exitValue() != 0) {
                throw new ToolFailedException(name(command) + " exited with " + process.exitValue(),
                        process.exitValue(), tail(stderr));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        } catch (IOException e) {
            throw new ToolFailedException("cannot read " + name(command) + " output: " + e.getMessage(), -1, "");
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static String name(List<String> command) {
        return Path.of(command.getFirst()).getFileName().toString();
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() <= STDERR_TAIL ? text : text.substring(text.length() - STDERR_TAIL);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The job's work directory is removed as a whole afterwards.
        }
    }

    /** The tool ran and failed; {@code stderrTail} is the end of what it said. */
    public static final class ToolFailedException extends RuntimeException {
        private final int exitCode;
        private final String stderrTail;

        ToolFailedException(String message, int exitCode, String stderrTail) {
            super(message);
            this.exitCode = exitCode;
            this.stderrTail = stderrTail;
        }

        public int exitCode() {
            return exitCode;
        }

        public String stderrTail() {
            return stderrTail;
        }
    }
}
