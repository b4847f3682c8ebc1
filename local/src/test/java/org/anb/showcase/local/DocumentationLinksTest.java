package org.anb.showcase.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A newcomer needs no file outside the repository: every relative link in the README and docs/ resolves inside it,
 * down to the heading its {@code #anchor} names; and every {@code Class.method} the docs cite (a test that proves a
 * claim, a method that does the work) exists.
 */
class DocumentationLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    private static final Pattern BROWSER_STEP = Pattern.compile("\\btest\\(\\s*(['`])(.+?)\\1\\s*,");
    /**
     * `Class.method`, `Class.method(...)`, a name cut with `...`, or one with the line a test failed at
     * (`Class.method:42`, the mutation table), inside backticks; a file name is not one.
     */
    private static final Pattern CITATION = Pattern.compile(
            "`([A-Z][A-Za-z0-9]*)\\.(?!(?:java|md|ya?ml|xml|sh|json|m?js|html|css)`)([a-z][A-Za-z0-9]*)"
                    + "(\\.\\.\\.|\\([^`]*\\))?(?::\\d+(?:->\\w+:\\d+)?)?`");

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> broken = new ArrayList<>();
        for (Path document : documents(root)) {
            Matcher link = LINK.matcher(Files.readString(document));
            while (link.find()) {
                String target = link.group(1).replaceAll("#.*$", "");
                String anchor = link.group(1).contains("#") ? link.group(1).substring(link.group(1).indexOf('#') + 1) : "";
                if (target.matches("^[a-z]+:.*")) {
                    continue; // an absolute URL
                }
                Path resolved = target.isEmpty() ? document : document.getParent().resolve(target).normalize();
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(root.relativize(document) + " → " + link.group(1));
                } else if (!anchor.isEmpty() && resolved.toString().endsWith(".md")
                        && !anchors(Files.readString(resolved)).contains(anchor)) {
                    broken.add(root.relativize(document) + " → " + link.group(1) + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("links leaving the repository or pointing nowhere").isEmpty();
    }

    @Test
    void everyClassAndMethodTheDocsCiteExists() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/")
                    && !f.toString().contains("/target/")).toList()) {
                sources.merge(file.getFileName().toString().replace(".java", ""), Files.readString(file), String::concat);
            }
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path document : documents(root)) {
            Matcher cite = CITATION.matcher(Files.readString(document));
            while (cite.find()) {
                String type = cite.group(1);
                String method = cite.group(2);
                String source = sources.get(type);
                if (source == null) {
                    if (type.endsWith("Test")) {
                        missing.add(root.relativize(document) + ": no test class " + type);
                    }
                    continue; // a library's class (Files.list, Output.all): not ours to check
                }
                checked++;
                boolean cut = "...".equals(cite.group(3));
                Pattern declared = Pattern.compile("\\b" + Pattern.quote(method) + (cut ? "\\w*" : "") + "\\s*\\(");
                if (!declared.matcher(source).find()) {
                    missing.add(root.relativize(document) + ": " + cite.group());
                }
            }
        }
        assertThat(checked).as("citations found (the pattern still matches the docs)").isGreaterThan(100);
        assertThat(missing).as("cited in the docs, absent from the code").isEmpty();
    }

    /**
     * The browser's rows in docs/reliability.md cite their proof by the step's name in web/e2e/showcase.test.mjs (or
     * its first words): each must still name a step, or a renamed step leaves the row proving nothing.
     */
    @Test
    void everyBrowserStepTheReliabilityTablesCiteExists() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> steps = new ArrayList<>();
        Matcher step = BROWSER_STEP.matcher(Files.readString(root.resolve("web/e2e/showcase.test.mjs")));
        while (step.find()) {
            steps.add(step.group(2).replace("\\'", "'"));
        }
        List<String> cited = new ArrayList<>();
        String section = "";
        for (String line : Files.readAllLines(root.resolve("docs/reliability.md"))) {
            if (line.startsWith("## ")) {
                section = line;
            }
            boolean browserRow = section.startsWith("## In the browser") && line.startsWith("| ")
                    || line.contains("` in `") && line.matches("^\\| .*\\| `browser-[a-z-]+` in .*");
            if (browserRow) {
                String[] cells = line.split("\\|");
                Matcher quoted = Pattern.compile("`([^`]+)`").matcher(cells[cells.length - 1]);
                while (quoted.find()) {
                    if (quoted.group(1).split(" ").length >= 4) {
                        cited.add(quoted.group(1));
                    }
                }
            }
        }
        assertThat(cited).as("browser steps cited (the rows still cite them this way)").hasSizeGreaterThan(30);
        assertThat(cited).as("cited steps that no longer exist in showcase.test.mjs")
                .filteredOn(name -> steps.stream().noneMatch(named -> namesStep(name, named)))
                .isEmpty();
    }

    /** A cited name is a step's name or its first words; a step named by a template matches any value there. */
    private static boolean namesStep(String cited, String step) {
        if (!step.contains("${")) {
            return step.startsWith(cited);
        }
        String template = Pattern.quote(step).replaceAll("\\$\\{[^}]*}", "\\\\E.*\\\\Q");
        return cited.matches(template) || step.substring(0, step.indexOf("${")).startsWith(cited);
    }

    private static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        return documents;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(markdown.replaceAll("(?s)```.*?```", ""));
        while (heading.find()) {
            String slug = heading.group(1).strip().replaceAll("`", "").toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }
}
