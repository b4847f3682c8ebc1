package org.anb.showcase.loadtest;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * {@code connections} clients each sending one request after another for a while, every answer timed and kept by
 * status. For logins, where what matters is the latency of the <em>accepted</em> ones and how many were shed or
 * timed out — wrk reports only one latency distribution over everything. At tens of requests per second, a JVM
 * client costs the machine nothing worth counting.
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

    static Result run(HttpRequest request, int connections, int warmupSeconds, int seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var answers = new ConcurrentLinkedQueue<Answer>();
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                clients.submit(() -> {
                    while (System.nanoTime() < end) {
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
        return summarize(new ArrayList<>(answers), seconds);
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

    private static Result summarize(List<Answer> answers, int seconds) {
        long[] accepted = answers.stream().filter(a -> a.status() == 200).mapToLong(Answer::nanos).sorted().toArray();
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
