package org.anb.showcase.infra;

import java.util.Map;

/** Tags every resource carries; the stack-wide ones (project, environment) come from the provider's default tags. */
public final class Tags {
    private Tags() {
    }

    public static Map<String, String> named(String name) {
        return Map.of("Name", name);
    }
}
