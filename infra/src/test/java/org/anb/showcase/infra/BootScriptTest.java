package org.anb.showcase.infra;

import org.anb.showcase.infra.compute.InstanceTypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each instance's boot script, run for real by bash with stand-ins for {@code aws}, {@code docker}, {@code dnf},
 * {@code systemctl} and {@code curl} first on its PATH: the env file and the {@code docker run} line it produces, and
 * that a failing {@code aws} stops the boot before any container starts. The scripts are also written to
 * {@code target/user-data/} for CI's shellcheck.
 */
class BootScriptTest {
    private static final Map<String, String> STAND_INS = Map.of(
            "dnf", "echo \"dnf $*\" >> \"$CALLS\"",
            "systemctl", "echo \"systemctl $*\" >> \"$CALLS\"",
            "amazon-cloudwatch-agent-ctl", "echo \"amazon-cloudwatch-agent-ctl $*\" >> \"$CALLS\"",
            "docker", """
                    echo "docker $*" >> "$CALLS"
                    case "$1" in
                      login) cat > /dev/null ;;
                      inspect) [ -n "${DOCKER_STATE:-}" ] || exit 1; echo "$DOCKER_STATE" ;;
                    esac""",
            "curl", "case \"$*\" in *api/token*) echo imds-token ;; *instance-id*) echo i-0123456789abcdef0 ;; esac",
            "aws", """
                    echo "aws $*" >> "$CALLS"
                    case "$*" in
                      *get-login-password*) echo ecr-token ;;
                      *set-instance-health*) ;;
                      *secretsmanager*) [ -n "${FAIL_SECRETS:-}" ] && { echo "AccessDenied" >&2; exit 254; }
                                        echo 'jwt-v4lue "quoted"' ;;
                      *) exit 2 ;;
                    esac""");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"api", "worker"})
    void theScriptWritesTheEnvFileAndRunsTheImageByDigest(String tier) throws Exception {
        Run run = boot(tier, Map.of());

        assertThat(run.exitCode).as(run.output).isZero();
        String env = Files.readString(dir.resolve("anb-" + tier + ".env"));
        assertThat(env).contains("DB_CONNECTION_URL=jdbc:postgresql://", "DB_CREDENTIALS_REGION=us-east-1\n",
                        "DB_CREDENTIALS_SECRET_DASH_ID=arn:aws:secretsmanager:", "STORAGE_BUCKET=",
                        "QUEUE_JOBS_DASH_QUEUE=https://sqs.")
                .as("the app reads the rotating database password itself").doesNotContain("DB_CONNECTION_PASSWORD");
        if (tier.equals("api")) {
            assertThat(env).contains("AUTH_JWT_DASH_SECRET=jwt-v4lue \"quoted\"\n");
        } else {
            assertThat(run.calls).as("the worker's boot reads no secret").doesNotContain("secretsmanager");
        }
        String dockerRun = run.calls.lines().filter(l -> l.startsWith("docker run")).findFirst().orElseThrow();
        assertThat(dockerRun).contains("--name anb-" + tier, "--restart always", "--env-file " + dir.resolve("anb-" + tier + ".env"),
                "--log-driver awslogs", "@sha256:");
        assertThat(run.calls).contains("dnf install -y docker", "systemctl enable --now docker",
                "docker login --username AWS --password-stdin");
        if (tier.equals("api")) {
            // dev's t3.small has 2 GiB: the container 1.5 GiB, so the JVM's 75 % heap leaves the OS its share.
            assertThat(dockerRun).contains("--memory 1536m");
        }
    }

    @org.junit.jupiter.api.Test
    void everyApiContainerIsCappedBelowItsInstancesMemory() {
        assertThat(InstanceTypes.containerMemoryMib("t3.small")).isEqualTo(1536);
        assertThat(InstanceTypes.containerMemoryMib("c6i.large")).as("prod's API").isEqualTo(3584);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstanceTypes.containerMemoryMib("x9.huge"))
                .hasMessageContaining("add it to InstanceTypes");
        assertThat(UserDataScripts.decode(DeployedStack.of("prod").named("aws:ec2/launchTemplate:LaunchTemplate",
                "anb-prod-api"))).contains("--memory 3584m");
    }

    @org.junit.jupiter.api.Test
    void aSecretThatCannotBeReadStopsTheBootBeforeAnyContainerStarts() throws Exception {
        Run run = boot("api", Map.of("FAIL_SECRETS", "1"));

        assertThat(run.exitCode).as("the boot fails loudly").isNotZero();
        assertThat(run.calls).contains("aws secretsmanager get-secret-value").doesNotContain("docker run");
    }

    @org.junit.jupiter.api.Test
    void theWorkerBootInstallsAWatchdogThatRunsEveryMinute() throws Exception {
        Run run = boot("worker", Map.of());

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(dir.resolve("usr/local/bin/anb-watchdog")).isExecutable();
        assertThat(Files.readString(dir.resolve("etc/systemd/system/anb-watchdog.timer")))
                .contains("OnBootSec=10min", "OnUnitActiveSec=1min");
        assertThat(run.calls).contains("systemctl enable --now anb-watchdog.timer");
    }

    @ParameterizedTest(name = "container \"{0}\" (health, restarts): replaced = {1}")
    @org.junit.jupiter.params.provider.CsvSource({"healthy 0, false", "starting 1, false", "unhealthy 0, true",
            "healthy 4, true", "'', true"})
    void theWatchdogHasTheGroupReplaceAWorkerThatCannotWork(String dockerState, boolean replaced) throws Exception {
        boot("worker", Map.of());
        Path watchdog = dir.resolve("usr/local/bin/anb-watchdog");
        Files.copy(watchdog, Path.of("target", "user-data", "watchdog.sh"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Run run = run(watchdog, Map.of("DOCKER_STATE", dockerState == null ? "" : dockerState));

        assertThat(run.exitCode).as(run.output).isZero();
        String marked = "aws autoscaling set-instance-health --region us-east-1 --instance-id i-0123456789abcdef0"
                + " --health-status Unhealthy";
        if (replaced) {
            assertThat(run.calls).contains(marked);
        } else {
            assertThat(run.calls).doesNotContain("set-instance-health");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "worker"})
    void theCloudWatchAgentScrapesTheContainersPrometheusMetricsIntoTheDashboardsNamespace(String tier) throws Exception {
        Run run = boot(tier, Map.of());
        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.calls).contains("dnf install -y docker amazon-cloudwatch-agent");
        Path etc = dir.resolve("opt/aws/amazon-cloudwatch-agent/etc");
        String port = tier.equals("api") ? "8082" : "8081"; // the API's health listener: readable when 8080 is full
        assertThat(Files.readString(etc.resolve("prometheus.yaml"))).contains("job_name: anb-" + tier,
                "metrics_path: /observe/metrics", "localhost:" + port);
        var agent = com.google.gson.JsonParser.parseString(Files.readString(etc.resolve("anb.json"))).getAsJsonObject()
                .getAsJsonObject("logs").getAsJsonObject("metrics_collected").getAsJsonObject("prometheus");
        assertThat(agent.get("log_group_name").getAsString()).isEqualTo("/anb/anb-dev-" + tier + "/metrics");
        assertThat(agent.getAsJsonObject("emf_processor").get("metric_namespace").getAsString()).isEqualTo("ANB/Instances");
        assertThat(agent.getAsJsonObject("emf_processor").toString())
                .contains(tier.equals("api") ? "anb_api_requests_seconds_count" : "anb_worker_jobs_in_flight");
        assertThat(run.calls).contains("amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:" + etc.resolve("anb.json"));
        String dockerRun = run.calls.lines().filter(l -> l.startsWith("docker run")).findFirst().orElseThrow();
        assertThat(dockerRun).contains("-p " + port + ":" + port);
        int agentStart = run.calls.indexOf("amazon-cloudwatch-agent-ctl");
        assertThat(agentStart).as("after the container it scrapes").isGreaterThan(run.calls.indexOf("docker run"));
    }

    private Run boot(String tier, Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        String script = UserDataScripts.decode(DeployedStack.of("dev").named("aws:ec2/launchTemplate:LaunchTemplate",
                "anb-dev-" + tier));
        Path saved = Path.of("target", "user-data", tier + ".sh");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, script);
        return run(saved, extraEnvironment);
    }

    private Run run(Path script, Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (var standIn : STAND_INS.entrySet()) {
            Path file = bin.resolve(standIn.getKey());
            Files.writeString(file, "#!/bin/bash\n" + standIn.getValue() + "\n");
            file.toFile().setExecutable(true);
        }
        Path calls = dir.resolve("calls.log");
        Files.writeString(calls, "");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toAbsolutePath().toString())
                .redirectErrorStream(true).directory(dir.toFile());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("CALLS", calls.toString());
        builder.environment().put("ANB_RUN_DIR", dir.toString());
        builder.environment().put("ANB_ROOT", dir.toString());
        builder.environment().put("AGENT_CTL", bin.resolve("amazon-cloudwatch-agent-ctl").toString());
        builder.environment().putAll(extraEnvironment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the boot script hung");
        }
        return new Run(process.exitValue(), output, Files.readString(calls));
    }

    private record Run(int exitCode, String output, String calls) {
    }
}
