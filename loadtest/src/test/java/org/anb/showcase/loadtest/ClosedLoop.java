package org.anb.showcase.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * {@code connections} clients each sending one request after another for a while, every answer timed and kept by
 * status. For logins, where what matters is the latency of the <em>accepted</em> ones and how many were shed or
 * timed out — wrk reports only one latency distribution over everything. {@link #inOwnJvm} runs it in a JVM of its
 * own, so its threads and garbage are not the server's.
 */
final class ClosedLoop {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ClosedLoop() {
    }

    /** Latencies in milliseconds. */
    record Result(double acceptedPerSecond, long accepted, long shed, long timeouts, long other, double acceptedP50,
                  double acceptedP99, double allP99) {
    }

    private record Answer(int status, long nanos) {
    }

    /** Logs in with {@code body} at {@code url} from a child JVM and answers what it measured. */
    static Result inOwnJvm(String url, String body, int connections, int warmupSeconds, int seconds) {
        try {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ClosedLoop.class.getName(), url, body,
                    String.valueOf(connections), String.valueOf(warmupSeconds), String.valueOf(seconds))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the login client failed: " + out);
            }
            String[] f = out.substring(out.lastIndexOf('\n') + 1).split(" ");
            return new Result(Double.parseDouble(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Args: url, JSON body, connections, warm-up seconds, seconds. Prints the result's fields on one line. */
    public static void main(String[] args) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0])).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(args[1])).build();
        Result r = run(request, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        System.err.printf("login client: %.1f CPU-s of its own over the run%n", ProcessHandle.current().info()
                .totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN));
        System.out.println(r.acceptedPerSecond() + " " + r.accepted() + " " + r.shed() + " " + r.timeouts() + " "
                + r.other() + " " + r.acceptedP50() + " " + r.acceptedP99() + " " + r.allP99());
    }

    static Result run(HttpRequest request, int connections, int warmupSeconds, int seconds) throws InterruptedException {
        return run(() -> request, 200, connections, warmupSeconds, seconds);
    }

    /** Each client sends {@code next}'s request after request; {@code acceptedStatus} (200, 201) is a success. */
    static Result run(java.util.function.Supplier<HttpRequest> next, int acceptedStatus, int connections,
                      int warmupSeconds, int seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var answers = new ConcurrentLinkedQueue<Answer>();
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        HttpRequest request = next.get();
                        long sent = System.nanoTime();
                        int status = send(http, request);
                        long took = System.nanoTime() - sent;
                        if (sent >= measureFrom) {
                            answers.add(new Answer(status, took));
                        }
                    }
                });
            }
        }
        return summarize(new ArrayList<>(answers), seconds, acceptedStatus);
    }

    private static int send(HttpClient http, HttpRequest request) {
        try {
            return http.send(HttpRequest.newBuilder(request, (n, v) -> true).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static Result summarize(List<Answer> answers, int seconds, int acceptedStatus) {
        long[] accepted = answers.stream().filter(a -> a.status() == acceptedStatus).mapToLong(Answer::nanos).sorted().toArray();
        long[] all = answers.stream().mapToLong(Answer::nanos).sorted().toArray();
        long shed = answers.stream().filter(a -> a.status() == 503).count();
        long timeouts = answers.stream().filter(a -> a.status() == -1).count();
        return new Result((double) accepted.length / seconds, accepted.length, shed, timeouts,
                answers.size() - accepted.length - shed - timeouts, millis(accepted, 0.50), millis(accepted, 0.99),
                millis(all, 0.99));
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
