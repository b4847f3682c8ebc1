package org.anb.showcase.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each image's build context is what its {@code <Dockerfile>.dockerignore} lets through (pulumi-docker hashes exactly
 * that, by content, to decide whether to rebuild): everything its Dockerfile copies, and nothing a commit to the
 * README, the docs, the site, the sources or tests of infra, local, loadtest or the other deployable touches — so such
 * a commit rebuilds no image and rolls no fleet. Every module's pom is in both contexts (Maven's reactor reads them
 * all): a change to any pom rebuilds both images.
 */
class ImageInputsTest {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", "data");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY (?!--from)(.+) \\S+$");

    @ParameterizedTest
    @ValueSource(strings = {"app", "worker"})
    void theContextHoldsWhatTheBuildCopiesAndNothingACommitElsewhereTouches(String module) throws IOException {
        Path root = DeployedStack.repositoryRoot();
        List<String> context = context(root, root.resolve(module + "/Dockerfile.dockerignore"));
        String other = module.equals("app") ? "worker" : "app";

        assertThat(context).contains("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties", ".mvn/jvm.config",
                "core/pom.xml", "infra/pom.xml", "core/src/main/resources/db/migration/V1__users_videos_votes.sql");
        assertThat(context).anyMatch(f -> f.startsWith(module + "/src/main/java/"));
        // The API renders share pages from the site's index.html; no other file of the site reaches either image.
        assertThat(context).noneMatch(f -> f.equals("README.md") || f.startsWith("docs/")
                || (f.startsWith("web/site/") && !(module.equals("app") && f.equals("web/site/index.html")))
                || f.startsWith("infra/src/") || f.startsWith("local/src/") || f.startsWith("loadtest/src/")
                || f.startsWith(other + "/src/") || f.contains("/src/test/") || f.startsWith("Pulumi."));

        Matcher copies = COPY.matcher(Files.readString(root.resolve(module + "/Dockerfile")));
        while (copies.find()) {
            for (String source : copies.group(1).trim().split("\\s+")) {
                String prefix = source.endsWith("/") ? source : source + (source.contains(".") ? "" : "/");
                assertThat(context).as("COPY " + source + " finds its files in the context")
                        .anyMatch(f -> f.equals(source) || f.startsWith(prefix));
            }
        }
    }

    /** The repository's files that pass the ignore file's rules: Docker's semantics, the last matching rule wins. */
    private static List<String> context(Path root, Path ignoreFile) throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (String line : Files.readAllLines(ignoreFile)) {
            String rule = line.strip();
            if (!rule.isEmpty() && !rule.startsWith("#")) {
                boolean include = rule.startsWith("!");
                String pattern = (include ? rule.substring(1) : rule).replaceAll("/$", "");
                rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + pattern), include));
            }
        }
        List<String> included = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() > 1 && skipped(relative)) {
                    continue;
                }
                if (passes(relative, rules)) {
                    included.add(relative.toString().replace('\\', '/'));
                }
            }
        }
        return included;
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** A rule matches a path when it matches the path or one of its parent directories. */
    private static boolean passes(Path relative, List<Rule> rules) {
        boolean included = true;
        for (Rule rule : rules) {
            for (Path prefix = relative; prefix != null; prefix = prefix.getParent()) {
                if (rule.pattern().matches(prefix)) {
                    included = rule.include();
                    break;
                }
            }
        }
        return included;
    }

    private record Rule(PathMatcher pattern, boolean include) {
    }
}
