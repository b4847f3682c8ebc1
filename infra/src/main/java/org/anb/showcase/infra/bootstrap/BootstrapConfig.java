package org.anb.showcase.infra.bootstrap;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The bootstrap's config (namespace {@code bootstrap}): which GitHub repository may deploy, the stacks it deploys (one
 * GitHub environment each), and whether to activate the cost allocation tag the budgets read.
 */
public record BootstrapConfig(String githubRepository, String region, List<String> stacks, boolean activateCostTags) {
    private static final Pattern OWNER_AND_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+");

    public static BootstrapConfig from(Function<String, Optional<String>> get) {
        String repository = get.apply("githubRepository").map(String::trim).orElseThrow(() ->
                new IllegalArgumentException("missing bootstrap:githubRepository (owner/name of the GitHub repository"
                        + " whose workflows may preview and deploy)"));
        if (!OWNER_AND_NAME.matcher(repository).matches()) {
            throw new IllegalArgumentException("bootstrap:githubRepository must be owner/name, not " + repository);
        }
        return new BootstrapConfig(repository, get.apply("region").orElse("us-east-1"),
                List.of(get.apply("stacks").orElse("dev, prod").trim().split("\\s*,\\s*")),
                get.apply("activateCostTags").map(Boolean::parseBoolean).orElse(false));
    }

    /** The OIDC subject GitHub gives a job of this repository: {@code repo:<owner>/<name>:<context>}. */
    public String subject(String context) {
        return "repo:" + githubRepository + ":" + context;
    }
}
