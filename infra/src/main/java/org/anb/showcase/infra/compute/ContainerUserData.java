package org.anb.showcase.infra.compute;

import org.anb.showcase.infra.data.Database;
import org.anb.showcase.infra.data.JobQueue;
import org.anb.showcase.infra.data.MediaStorage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.pulumi.core.Output;

/**
 * The boot script of an instance: install Docker on Amazon Linux 2023, log in to ECR, read secrets from Secrets
 * Manager into the container's environment (never into the script, the launch template or the Pulumi state), and run
 * the image by digest with logs to CloudWatch. The container restarts with the instance; SIGTERM reaches the app.
 * Every command's failure stops the boot ({@code set -euo pipefail}, and no command substitution inside another
 * command, where bash would drop its status), so an instance that cannot read a secret never starts half-configured;
 * {@code BootScriptTest} runs it with stand-ins for aws, docker, dnf and systemctl, and CI runs shellcheck on it.
 */
final class ContainerUserData {
    private final String region;
    private final Map<String, Output<String>> environment = new LinkedHashMap<>();
    private final Map<String, Output<String>> secrets = new LinkedHashMap<>();
    private boolean watchdog;
    private Integer memoryMib;
    private PrometheusScrape scrape;

    ContainerUserData(String region) {
        this.region = region;
    }

    ContainerUserData env(String name, Output<String> value) {
        environment.put(name, value);
        return this;
    }

    ContainerUserData env(String name, String value) {
        return env(name, Output.of(value));
    }

    /**
     * The database's JDBC URL and the ARN of RDS's secret, which the app reads itself, at start and again whenever
     * the database refuses the password (RDS rotates it every 7 days): a password copied here would go stale.
     */
    ContainerUserData database(Database database) {
        return env("DB_CONNECTION_URL", database.address().applyValue(host ->
                        "jdbc:postgresql://" + host + ":5432/" + Database.DB_NAME + "?sslmode=require"))
                .env("DB_CREDENTIALS_SECRET_DASH_ID", database.masterSecretArn())
                .env("DB_CREDENTIALS_REGION", region);
    }

    /** Where the media bucket and the two queues are. */
    ContainerUserData storageAndQueues(MediaStorage media, JobQueue queue) {
        return env("STORAGE_BUCKET", media.name())
                .env("STORAGE_REGION", region)
                .env("QUEUE_REGION", region)
                .env("QUEUE_JOBS_DASH_QUEUE", queue.jobsUrl())
                .env("QUEUE_DEAD_DASH_LETTER_DASH_QUEUE", queue.deadLettersUrl());
    }

    /** An environment variable read at boot from a plain-text secret (one that does not rotate). */
    ContainerUserData secret(String name, Output<String> secretArn) {
        secrets.put(name, secretArn);
        return this;
    }

    /**
     * Caps the container's memory at {@code mib}: the JVM sizes its heap from what the container may use (75 % of
     * it), not from the whole host, so the kernel never kills it for the OS's share.
     */
    ContainerUserData memoryLimit(int mib) {
        this.memoryMib = mib;
        return this;
    }

    /** Runs the CloudWatch agent scraping the container's Prometheus metrics into CloudWatch ({@link PrometheusScrape}). */
    ContainerUserData metricsToCloudWatch(PrometheusScrape scrape) {
        this.scrape = scrape;
        return this;
    }

    /**
     * Installs a watchdog that marks the instance unhealthy in its Auto Scaling group when the container is missing
     * (the boot failed), unhealthy (its HEALTHCHECK: the worker's liveness) or restarting in a loop, so the group
     * replaces it: EC2's own health check sees none of these. Needs {@code autoscaling:SetInstanceHealth}.
     */
    ContainerUserData replacedWhenUnhealthy() {
        this.watchdog = true;
        return this;
    }

    /** The watchdog's script for {@code container}: also rendered on its own for tests and shellcheck. */
    String watchdogScript(String container) {
        return """
                #!/bin/bash
                # Marks this instance unhealthy in its Auto Scaling group, which then replaces it, when the container
                # is missing, unhealthy, or has restarted more than 3 times.
                set -euo pipefail
                state=$(docker inspect --format '{{.State.Health.Status}} {{.RestartCount}}' %1$s) || state="missing 0"
                read -r health restarts <<< "$state"
                if [ "$health" = unhealthy ] || [ "$health" = missing ] || [ "$restarts" -gt 3 ]; then
                  token=$(curl -fsS -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60')
                  instance=$(curl -fsS -H "X-aws-ec2-metadata-token: $token" http://169.254.169.254/latest/meta-data/instance-id)
                  echo "anb-watchdog: %1$s is $health after $restarts restarts: marking $instance unhealthy"
                  aws autoscaling set-instance-health --region %2$s --instance-id "$instance" --health-status Unhealthy
                fi
                """.formatted(container, region);
    }

    /** Writes the watchdog and a systemd timer running it every minute, from 10 minutes after boot. */
    private String watchdogInstall(String container) {
        return "ROOT=\"${ANB_ROOT:-}\"\n"
                + "mkdir -p \"$ROOT/usr/local/bin\" \"$ROOT/etc/systemd/system\"\n"
                + "cat > \"$ROOT/usr/local/bin/anb-watchdog\" <<'WATCHDOG'\n" + watchdogScript(container) + "WATCHDOG\n"
                + "chmod 755 \"$ROOT/usr/local/bin/anb-watchdog\"\n"
                + "printf '%s\\n' '[Service]' 'Type=oneshot' 'ExecStart=/usr/local/bin/anb-watchdog'"
                + " > \"$ROOT/etc/systemd/system/anb-watchdog.service\"\n"
                + "printf '%s\\n' '[Timer]' 'OnBootSec=10min' 'OnUnitActiveSec=1min' '[Install]' 'WantedBy=timers.target'"
                + " > \"$ROOT/etc/systemd/system/anb-watchdog.timer\"\n"
                + "systemctl enable --now anb-watchdog.timer\n";
    }

    /** Writes the agent's two files and starts it (after the container, whose port it scrapes). */
    private String agentInstall(String metricsLogGroup) {
        return "AGENT_DIR=\"${ANB_ROOT:-}/opt/aws/amazon-cloudwatch-agent/etc\"\n"
                + "mkdir -p \"$AGENT_DIR\"\n"
                + "cat > \"$AGENT_DIR/prometheus.yaml\" <<'PROMETHEUS'\n" + scrape.scrapeConfig() + "PROMETHEUS\n"
                + "cat > \"$AGENT_DIR/anb.json\" <<'AGENT'\n"
                + scrape.agentConfig(metricsLogGroup, "/opt/aws/amazon-cloudwatch-agent/etc/prometheus.yaml") + "\nAGENT\n"
                + "\"${AGENT_CTL:-/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl}\""
                + " -a fetch-config -m ec2 -s -c \"file:$AGENT_DIR/anb.json\"\n";
    }

    /** The script, base64-encoded as launch templates want it. */
    Output<String> render(String container, Output<String> image, Output<String> logGroup,
                          Output<String> metricsLogGroup, List<Integer> ports, int stopTimeoutSeconds) {
        List<Output<String>> parts = new ArrayList<>(List.of(image, logGroup, metricsLogGroup));
        environment.values().forEach(parts::add);
        secrets.values().forEach(parts::add);
        return Output.all(parts).applyValue(values -> {
            String imageRef = values.get(0);
            StringBuilder script = new StringBuilder("""
                    #!/bin/bash
                    set -euo pipefail
                    dnf install -y docker%s
                    systemctl enable --now docker
                    """.formatted(scrape == null ? "" : " amazon-cloudwatch-agent"));
            if (watchdog) {
                script.append(watchdogInstall(container)); // first: a boot that fails later is still replaced
            }
            script.append("REGION=").append(region).append('\n');
            script.append("IMAGE='").append(imageRef).append("'\n");
            script.append("aws ecr get-login-password --region \"$REGION\" | docker login --username AWS "
                    + "--password-stdin \"${IMAGE%%/*}\"\n");
            int firstSecret = 3 + environment.size();
            for (int i = 0; i < secrets.size(); i++) {
                // An assignment keeps the substitution's exit status, so set -e stops the boot when aws fails.
                script.append("secret_").append(i)
                        .append("=$(aws secretsmanager get-secret-value --region \"$REGION\" --secret-id '")
                        .append(values.get(firstSecret + i)).append("' --query SecretString --output text)\n");
            }
            script.append("umask 077\nENV_FILE=\"${ANB_RUN_DIR:-/run}/").append(container).append(".env\"\n{\n");
            int next = 3;
            for (String name : environment.keySet()) {
                script.append("  echo '").append(name).append('=').append(values.get(next++)).append("'\n");
            }
            int index = 0;
            for (String name : secrets.keySet()) {
                script.append("  printf '%s=%s\\n' ").append(name).append(" \"$secret_").append(index++).append("\"\n");
            }
            script.append("} > \"$ENV_FILE\"\n");
            script.append("docker run -d --name ").append(container).append(" --restart always")
                    .append(" --stop-timeout ").append(stopTimeoutSeconds)
                    .append(memoryMib == null ? "" : " --memory " + memoryMib + "m")
                    .append(ports.stream().map(port -> " -p " + port + ":" + port).collect(Collectors.joining()))
                    .append(" --env-file \"$ENV_FILE\"")
                    .append(" --log-driver awslogs --log-opt awslogs-region=\"$REGION\" --log-opt awslogs-group='")
                    .append(values.get(1)).append("'")
                    .append(" \"$IMAGE\"\n");
            if (scrape != null) {
                script.append(agentInstall(values.get(2)));
            }
            return Base64.getEncoder().encodeToString(script.toString().getBytes(StandardCharsets.UTF_8));
        });
    }
}
