package org.anb.showcase.infra.compute;

import java.util.Map;

/**
 * The instance types the stacks may use, with what the program needs to know of each: memory (a container may take
 * all but {@value #HOST_MIB} MiB, which the OS, Docker, the SSM and CloudWatch agents keep) and vCPUs (they count
 * against the account's On-Demand quota). Every type here is of the "Standard" families (C, M, T), which share one
 * quota. A type not listed must be added here: the program refuses to guess.
 */
public final class InstanceTypes {
    static final int HOST_MIB = 512;

    private record Size(int memoryMib, int vcpus) {
    }

    private static final Map<String, Size> SIZES = Map.ofEntries(
            Map.entry("t3.small", new Size(2048, 2)), Map.entry("t3.medium", new Size(4096, 2)),
            Map.entry("t3.large", new Size(8192, 2)),
            Map.entry("c6i.large", new Size(4096, 2)), Map.entry("c6i.xlarge", new Size(8192, 4)),
            Map.entry("c6i.2xlarge", new Size(16384, 8)),
            Map.entry("m6i.large", new Size(8192, 2)), Map.entry("m6i.xlarge", new Size(16384, 4)));

    private InstanceTypes() {
    }

    /** What the one container of an instance of {@code type} may use, in MiB. */
    public static int containerMemoryMib(String type) {
        return size(type).memoryMib() - HOST_MIB;
    }

    public static int vcpus(String type) {
        return size(type).vcpus();
    }

    private static Size size(String type) {
        Size size = SIZES.get(type);
        if (size == null) {
            throw new IllegalArgumentException("instance type " + type + " is not one this program knows;"
                    + " add it to InstanceTypes (one of " + SIZES.keySet() + ")");
        }
        return size;
    }
}
