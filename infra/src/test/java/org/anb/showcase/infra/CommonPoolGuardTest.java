package org.anb.showcase.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The guard against pulumi-java's common-pool hang holds for the program the Pulumi CLI runs, not only for tests. */
class CommonPoolGuardTest {

    @Test
    void mavenRunsTheProgramWithAWideEnoughCommonPool() throws Exception {
        // The Pulumi CLI runs `mvn ... exec:java` in infra/; Maven finds .mvn/ in the repository root above it.
        Path jvmConfig = Path.of("").toAbsolutePath().getParent().resolve(".mvn/jvm.config");
        assertThat(Files.readString(jvmConfig))
                .contains("-D" + CommonPoolGuard.PROPERTY + "=" + CommonPoolGuard.REQUIRED_PARALLELISM);
    }

    @Test
    void aNarrowPoolStopsTheProgramAtOnceWithTheFix() {
        assertThatThrownBy(() -> CommonPoolGuard.requireParallelism(4, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-D" + CommonPoolGuard.PROPERTY + "=4");
        CommonPoolGuard.requireParallelism(4, 4);
    }
}
