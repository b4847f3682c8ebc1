package org.anb.showcase.infra.compute;

import java.util.Map;

/**
 * Memory of the instance types the stacks use, and what a container may take of it: the host keeps {@value #HOST_MIB}
 * MiB for the OS, Docker, the SSM and log agents. A type not listed must be added here (the program refuses to guess).
 */
public final class InstanceMemory {
    static final int HOST_MIB = 512;
    private static final Map<String, Integer> MIB = Map.ofEntries(
            Map.entry("t3.small", 2048), Map.entry("t3.medium", 4096), Map.entry("t3.large", 8192),
            Map.entry("c6i.large", 4096), Map.entry("c6i.xlarge", 8192), Map.entry("c6i.2xlarge", 16384),
            Map.entry("m6i.large", 8192), Map.entry("m6i.xlarge", 16384));

    private InstanceMemory() {
    }

    /** What the one container of an instance of {@code type} may use, in MiB. */
    public static int forContainer(String type) {
        Integer mib = MIB.get(type);
        if (mib == null) {
            throw new IllegalArgumentException("instance type " + type + " is not one this program knows the memory of;"
                    + " add it to InstanceMemory (one of " + MIB.keySet() + ")");
        }
        return mib - HOST_MIB;
    }
}
