package org.anb.showcase.local.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an instance's Prometheus page ({@code /observe/metrics}) so a test can count what its name claims: password
 * checks, votes per batch, cache hits — the mechanism, not only the outcome.
 */
public final class MetricValues {
    private static final Pattern LINE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    private MetricValues() {
    }

    /** The sum of every series of {@code metric} whose labels contain all of {@code labelFragments} (0 if none). */
    public static double sum(ApiClient client, String metric, String... labelFragments) {
        Matcher m = LINE.matcher(client.get("/observe/metrics", null).raw());
        double total = 0;
        while (m.find()) {
            if (!m.group(1).equals(metric)) {
                continue;
            }
            String labels = m.group(2) == null ? "" : m.group(2);
            boolean all = true;
            for (String fragment : labelFragments) {
                all &= labels.contains(fragment);
            }
            if (all) {
                total += Double.parseDouble(m.group(3));
            }
        }
        return total;
    }
}
