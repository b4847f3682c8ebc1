package org.anb.showcase.infra;

import static org.anb.showcase.infra.DeployedStack.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Issue 26, first-deploy traps: what would make a clean account's first `pulumi up` (or its second) fail. */
class FirstDeployTest {
    @Test
    void devSecretsCanBeRecreatedAtOnceAndProdsStayRecoverableForThirtyDays() {
        for (String secret : List.of("anb-dev-jwt", "anb-dev-origin")) {
            assertThat(input(DeployedStack.of("dev").named("aws:secretsmanager/secret:Secret", secret),
                    "recoveryWindowInDays")).as(secret).isEqualTo(0.0);
        }
        for (String secret : List.of("anb-prod-jwt", "anb-prod-origin")) {
            assertThat(input(DeployedStack.of("prod").named("aws:secretsmanager/secret:Secret", secret),
                    "recoveryWindowInDays")).as(secret).isEqualTo(30.0);
        }
    }

    @Test
    void aStackWhoseTwoRegionSettingsDisagreeIsRefused() {
        assertThatThrownBy(() -> StackConfig.requireOneRegion(Optional.of("us-west-2"), "us-east-1"))
                .hasMessageContaining("aws:region us-west-2 and anb:region us-east-1 differ");
        assertThatCode(() -> StackConfig.requireOneRegion(Optional.of("us-east-1"), "us-east-1"))
                .doesNotThrowAnyException();
        for (String stack : List.of("dev", "prod")) {
            var file = DeployedStack.stackFile(stack);
            assertThat(file.get("aws:region")).as(stack + ": the committed files agree").isEqualTo(file.get("anb:region"));
        }
    }
}
