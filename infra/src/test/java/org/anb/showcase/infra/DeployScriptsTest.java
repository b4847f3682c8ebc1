package org.anb.showcase.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26, deploys that check themselves: the pipeline's scripts run for real (bash), against a stand-in `aws` that
 * answers describe-instance-refreshes from a script of states, and against a real HTTP server standing in for CloudFront.
 */
class DeployScriptsTest {
    private static final Path SCRIPTS = DeployedStack.repositoryRoot().resolve("infra/scripts");

    record Run(int exit, String output) {
    }

    private static Run run(Path dir, Map<String, String> env, String... command) throws Exception {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** An `aws` whose n-th call prints the n-th of {@code answers} (the last one repeats). */
    private static void fakeAws(Path dir, List<String> answers) throws IOException {
        Files.write(dir.resolve("answers"), answers);
        Path aws = dir.resolve("aws");
        Files.writeString(aws, """
                #!/usr/bin/env bash
                dir=$(dirname "$0"); n=$(cat "$dir/calls" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "$dir/calls"
                echo "$*" >> "$dir/arguments"
                total=$(wc -l < "$dir/answers"); [ "$n" -gt "$total" ] && n=$total
                sed -n "${n}p" "$dir/answers"
                """);
        aws.toFile().setExecutable(true);
    }

    private static Run awaitRefresh(Path dir, String... groups) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve("await-refresh.sh").toString()));
        command.addAll(List.of(groups));
        return run(dir, Map.of("SINCE", "2026-12-06T10:00:00Z", "POLL_SECONDS", "0", "TIMEOUT_SECONDS", "5"),
                command.toArray(String[]::new));
    }

    @Test
    void theJobWaitsForTheRefreshAndSucceedsOnlyWhenItDid(@TempDir Path dir) throws Exception {
        fakeAws(dir, List.of("Pending\t2026-12-06T10:01:00Z\tNone", "InProgress\t2026-12-06T10:01:00Z\tWaiting",
                "Successful\t2026-12-06T10:01:00Z\tNone"));
        Run run = awaitRefresh(dir, "anb-dev-api-123");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("anb-dev-api-123: InProgress", "instance refresh Successful");
        assertThat(Files.readString(dir.resolve("calls")).trim()).isEqualTo("3");
        assertThat(Files.readString(dir.resolve("arguments"))).contains("--auto-scaling-group-name anb-dev-api-123");
    }

    @Test
    void aRefreshThatRolledItselfBackFailsTheJobWithItsReason(@TempDir Path dir) throws Exception {
        fakeAws(dir, List.of("InProgress\t2026-12-06T10:01:00Z\tNone",
                "RollbackSuccessful\t2026-12-06T10:01:00Z\tAlarm anb-dev-alb-5xx-rate went off"));
        Run run = awaitRefresh(dir, "anb-dev-api-123");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("instance refresh RollbackSuccessful: Alarm anb-dev-alb-5xx-rate went off");
    }

    @Test
    void aGroupWithNoRefreshSinceTheUpdateHasNothingToWaitFor(@TempDir Path dir) throws Exception {
        fakeAws(dir, List.of("Successful\t2026-12-05T09:00:00Z\tNone"));
        Run run = awaitRefresh(dir, "anb-dev-worker-456");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("no instance refresh since");
    }

    @Test
    void aRefreshThatNeverEndsFailsAtTheTimeout(@TempDir Path dir) throws Exception {
        fakeAws(dir, List.of("InProgress\t2026-12-06T10:01:00Z\tNone"));
        var builder = run(dir, Map.of("SINCE", "2026-12-06T10:00:00Z", "POLL_SECONDS", "1", "TIMEOUT_SECONDS", "2"),
                "bash", SCRIPTS.resolve("await-refresh.sh").toString(), "anb-dev-api-123");
        assertThat(builder.exit()).isEqualTo(1);
        assertThat(builder.output()).contains("still InProgress after 2s");
    }

    @Test
    void theSmokeTestPassesOnlyWhenHealthTheSiteAndAPublicReadAnswer(@TempDir Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] healthStatus = {200};
        server.createContext("/api/health", exchange -> answer(exchange, healthStatus[0],
                healthStatus[0] == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}"));
        server.createContext("/api/public/videos", exchange -> answer(exchange, 200, "[]"));
        server.createContext("/", exchange -> answer(exchange, 200, "<!doctype html><html lang=\"es\"></html>"));
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Map<String, String> quick = Map.of("ATTEMPTS", "2", "PAUSE_SECONDS", "0");
            Run healthy = run(dir, quick, "bash", SCRIPTS.resolve("smoke-test.sh").toString(), url);
            assertThat(healthy.exit()).as(healthy.output()).isZero();
            assertThat(healthy.output()).contains("ok: API health", "ok: the site", "ok: a public read");
            healthStatus[0] = 503;
            Run down = run(dir, quick, "bash", SCRIPTS.resolve("smoke-test.sh").toString(), url);
            assertThat(down.exit()).isEqualTo(1);
            assertThat(down.output()).contains("smoke test failed: API health");
        } finally {
            server.stop(0);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void aRollbackReadsTheDigestsRecordedUnderTheCommitsTag(@TempDir Path dir) throws Exception {
        fakeAws(dir, List.of("sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64)));
        Run run = run(dir, Map.of(), "bash", SCRIPTS.resolve("recorded-images.sh").toString(),
                "123456789012.dkr.ecr.us-east-1.amazonaws.com", "0123abc");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains(
                "api=123456789012.dkr.ecr.us-east-1.amazonaws.com/anb-showcase/api@sha256:" + "a".repeat(64),
                "worker=123456789012.dkr.ecr.us-east-1.amazonaws.com/anb-showcase/worker@sha256:" + "b".repeat(64));
        assertThat(Files.readString(dir.resolve("arguments"))).contains("--repository-name anb-showcase/api",
                "--image-ids imageTag=0123abc");
    }

    @Test
    void aCommitWithNoRecordedImagesFailsTheRollbackClearly(@TempDir Path dir) throws Exception {
        Path aws = dir.resolve("aws");
        Files.writeString(aws, "#!/usr/bin/env bash\necho 'An error occurred (ImageNotFoundException)' >&2\nexit 254\n");
        aws.toFile().setExecutable(true);
        Run run = run(dir, Map.of(), "bash", SCRIPTS.resolve("recorded-images.sh").toString(), "registry", "0123abc");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("no api image was recorded for commit 0123abc");
    }
}
