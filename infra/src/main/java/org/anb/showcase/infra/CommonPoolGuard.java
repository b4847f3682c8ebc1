package org.anb.showcase.infra;

import java.util.concurrent.ForkJoinPool;

/**
 * pulumi-java (≤ 1.36.2) blocks inside tasks of the JVM's common ForkJoinPool; with one or two cores the pool has
 * too few threads and {@code pulumi up} hangs for good (pulumi-java #2270). The Pulumi CLI runs this program with
 * Maven in {@code infra/}, and Maven reads the repository's {@code .mvn/jvm.config}, which widens the pool. Run any
 * other way on a small machine, the program stops at once with the fix instead of hanging.
 */
final class CommonPoolGuard {
    static final int REQUIRED_PARALLELISM = 4;
    static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private CommonPoolGuard() {
    }

    static void requireParallelism(int required, int actual) {
        if (actual < required) {
            throw new IllegalStateException("the JVM's common ForkJoinPool has " + actual + " thread(s); Pulumi Java "
                    + "needs " + required + " or it may hang: run with -D" + PROPERTY + "=" + required
                    + " (the repository's .mvn/jvm.config does this for Maven)");
        }
    }

    static void check() {
        requireParallelism(REQUIRED_PARALLELISM, ForkJoinPool.getCommonPoolParallelism());
    }
}
