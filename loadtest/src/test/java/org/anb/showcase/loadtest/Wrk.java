package org.anb.showcase.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs <a href="https://github.com/wg/wrk">wrk</a> (Debian package {@code wrk}), the load generator issue 15 measured
 * with, and reads its summary. A C event loop costs the shared 2-core machine far less per request than a JVM client,
 * so what is measured is the server. Requests slower than 10 s count as timeouts, as in the issue.
 */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    /** One run's summary; latencies in milliseconds. */
    record Result(double requestsPerSecond, long requests, double p50, double p99, long non2xx, long errors,
                  long timeouts) {
    }

    static Result run(String url, int connections, int seconds, Path script, String... scriptArgs) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        if (scriptArgs.length > 0) {
            command.add("--");
            command.addAll(List.of(scriptArgs));
        }
        String out = exec(command);
        long[] socket = groups(SOCKET_ERRORS, out);
        return new Result(Double.parseDouble(first(RATE, out, "0")), Long.parseLong(first(TOTAL, out, "0")),
                percentile(out, "50%"), percentile(out, "99%"), Long.parseLong(first(NON_2XX, out, "0")),
                socket[0] + socket[1] + socket[2], socket[3]);
    }

    private static String exec(List<String> command) {
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (wrk.waitFor() != 0 || !out.contains("Requests/sec")) {
                throw new IllegalStateException("wrk failed (apt-get install wrk): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("wrk is needed: apt-get install wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(String out, String label) {
        Matcher m = Pattern.compile("\\s" + label + "\\s+([\\d.]+)(us|ms|s|m)\\b").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> value;
        };
    }

    private static String first(Pattern p, String out, String fallback) {
        Matcher m = p.matcher(out);
        return m.find() ? m.group(1) : fallback;
    }

    private static long[] groups(Pattern p, String out) {
        Matcher m = p.matcher(out);
        long[] values = new long[4];
        if (m.find()) {
            for (int i = 0; i < values.length; i++) {
                values[i] = Long.parseLong(m.group(i + 1));
            }
        }
        return values;
    }
}
