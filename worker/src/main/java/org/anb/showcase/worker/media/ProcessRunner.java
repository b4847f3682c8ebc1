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
 * encode. A memory cap is the tool's address-space limit ({@code ulimit -v}, set by {@code /bin/sh} just before it
 * becomes the tool: Java cannot set a child's rlimits itself), with glibc's malloc arenas capped so that threads do
 * not reserve address space they never use.
 */
public final class ProcessRunner {
    private static final int STDERR_TAIL = 2_000;

    private ProcessRunner() {
    }

    /** What the tool printed on stdout; throws {@link ToolFailedException} on a non-zero exit or a timeout. */
    public static String run(List<String> command, Map<String, String> environment, Path workDir, Duration timeout)
            throws InterruptedException {
        return run(command, environment, workDir, timeout, 0);
    }

    /** As {@link #run(List, Map, Path, Duration)}, with the tool's address space capped at {@code memoryBytes}. */
    public static String run(List<String> command, Map<String, String> environment, Path workDir, Duration timeout,
                             long memoryBytes) throws InterruptedException {
        List<String> launch = command;
        if (memoryBytes > 0) {
            launch = new java.util.ArrayList<>(List.of("/bin/sh", "-c", "ulimit -v " + (memoryBytes >> 10)
                    + " && exec \"$0\" \"$@\""));
            launch.addAll(command);
        }
        Path stdout = workDir.resolve("tool-" + System.nanoTime() + ".out");
        Path stderr = workDir.resolve("tool-" + System.nanoTime() + ".err");
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(launch).directory(workDir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            if (memoryBytes > 0) {
                builder.environment().put("MALLOC_ARENA_MAX", "2");
            }
            process = builder.start();
        } catch (IOException e) {
            throw new ToolFailedException("cannot start " + command.getFirst() + ": " + e.getMessage(),
                    Failure.NOT_STARTED, -1, "");
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new ToolFailedException(name(command) + " timed out after " + timeout.toSeconds() + " s",
                        Failure.TIMED_OUT, -1, tail(stderr));
            }
            if ((process.exitValue() == 126 || process.exitValue() == 127) && memoryBytes > 0) { // sh could not exec it
                throw new ToolFailedException("cannot start " + command.getFirst() + ": " + tail(stderr).strip(),
                        Failure.NOT_STARTED, 127, tail(stderr));
            }
            if (process.exitValue() != 0) {
                throw new ToolFailedException(name(command) + " exited with " + process.exitValue(), Failure.EXITED,
                        process.exitValue(), tail(stderr));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        } catch (IOException e) {
            throw new ToolFailedException("cannot read " + name(command) + " output: " + e.getMessage(),
                    Failure.NOT_STARTED, -1, "");
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

    /** How a tool failed. */
    public enum Failure { NOT_STARTED, TIMED_OUT, EXITED }

    /** The tool failed; {@code stderrTail} is the end of what it said. */
    public static final class ToolFailedException extends RuntimeException {
        private final Failure failure;
        private final int exitCode;
        private final String stderrTail;

        ToolFailedException(String message, Failure failure, int exitCode, String stderrTail) {
            super(message);
            this.failure = failure;
            this.exitCode = exitCode;
            this.stderrTail = stderrTail;
        }

        /**
         * Whether the input is to blame: the tool ran and failed on it, or ran out of its budget. Not when the tool
         * could not start or the disk filled up: those are the machine's, and worth another attempt.
         */
        public boolean causedByInput() {
            return failure != Failure.NOT_STARTED && !stderrTail.contains("No space left on device");
        }

        public boolean timedOut() {
            return failure == Failure.TIMED_OUT;
        }

        public int exitCode() {
            return exitCode;
        }

        public String stderrTail() {
            return stderrTail;
        }
    }
}
