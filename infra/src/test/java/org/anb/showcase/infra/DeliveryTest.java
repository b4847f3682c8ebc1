package org.anb.showcase.infra;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 26: images built once per commit, promoted by digest from dev to prod, and a recorded digest to roll back to. */
class DeliveryTest {
    static final String API = "123456789012.dkr.ecr.us-east-1.amazonaws.com/anb-showcase/api@sha256:" + "a".repeat(64);
    static final String WORKER = "123456789012.dkr.ecr.us-east-1.amazonaws.com/anb-showcase/worker@sha256:" + "b".repeat(64);

    @Test
    void aStackGivenTheCommitsDigestsBuildsNothingAndRunsExactlyThose() {
        var prod = DeployedStack.of("prod", Map.of("apiImage", API, "workerImage", WORKER));
        assertThat(prod.registered("docker:index/image:Image")).as("no build").isEmpty();
        assertThat(prod.registered("aws:ecr/repository:Repository")).as("the bootstrap's repositories").isEmpty();
        for (var tier : Map.of("api", API, "worker", WORKER).entrySet()) {
            String script = UserDataScripts.decode(prod.named("aws:ec2/launchTemplate:LaunchTemplate",
                    "anb-prod-" + tier.getKey()));
            assertThat(script).contains("IMAGE='" + tier.getValue() + "'");
            String policy = String.valueOf(input(prod.named("aws:iam/rolePolicy:RolePolicy", "anb-prod-" + tier.getKey()),
                    "policy"));
            assertThat(policy).as("pulls from its own repository only")
                    .contains("arn:aws:ecr:us-east-1:123456789012:repository/anb-showcase/" + tier.getKey() + "\"")
                    .doesNotContain("repository/anb-showcase/" + (tier.getKey().equals("api") ? "worker" : "api"));
        }
        assertThat(DeployedStack.value(prod.result.output("apiImage", String.class))).isEqualTo(API);
        assertThat(DeployedStack.value(prod.result.output("workerImage", String.class))).isEqualTo(WORKER);
    }

    @Test
    void withoutDigestsTheStackBuildsBothItself() {
        assertThat(DeployedStack.of("dev").registered("docker:index/image:Image")).hasSize(2);
    }

    @Test
    void aTagOrOnlyOneImageIsRefused() {
        assertThatThrownBy(() -> DeployedStack.config("prod", Map.of("apiImage", API)))
                .hasMessageContaining("set both anb:apiImage and anb:workerImage");
        assertThatThrownBy(() -> DeployedStack.config("prod", Map.of("apiImage", API,
                "workerImage", "123456789012.dkr.ecr.us-east-1.amazonaws.com/anb-showcase/worker:latest")))
                .hasMessageContaining("anb:workerImage must be an ECR image by digest");
    }
}
