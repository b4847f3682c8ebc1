package org.anb.showcase.infra;

import org.anb.showcase.infra.edge.SiteFiles;
import org.anb.showcase.infra.edge.StaticSite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.google.gson.GsonBuilder;
import org.junit.jupiter.api.Test;

/**
 * Every resource the dev stack registers, one canonical line each (type, name, inputs with sorted keys, whole numbers
 * without ".0", user data decoded, secrets redacted), compared with the committed snapshot — so any infra change is a
 * readable diff in review, even without the Pulumi CLI. The site's files appear by key, type and caching only, with
 * their version hash as {@code [site-version]}: editing the front end is not an infra change, adding a file is.
 */
class SnapshotTest {
    static final Path SNAPSHOT = Path.of("src/test/resources/snapshots/dev.snapshot");
    private static final String REGENERATE = "./mvnw -pl infra test -Dtest=SnapshotTest -Dsnapshot.update=true"
            + " (compare first: diff infra/src/test/resources/snapshots/dev.snapshot infra/target/dev.snapshot.actual)";

    @Test
    void theDevStackMatchesTheCommittedSnapshot() throws IOException {
        String actual = canonical(DeployedStack.of("dev").registrations);
        Files.writeString(Path.of("target/dev.snapshot.actual"), actual); // for `diff` when this fails
        if (Boolean.getBoolean("snapshot.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, actual);
        }
        assertThat(Files.exists(SNAPSHOT)).as("no snapshot yet; create it with: " + REGENERATE).isTrue();
        assertThat(actual).as("the dev stack changed; review the diff, then regenerate with: " + REGENERATE)
                .isEqualTo(Files.readString(SNAPSHOT));
    }

    private static final String SITE_VERSION = SiteFiles.read(StaticSite.SITE_DIR).version();

    static String canonical(List<MockCloud.Registration> registrations) {
        var gson = new GsonBuilder().disableHtmlEscaping().create();
        return registrations.stream()
                .sorted(Comparator.comparing(MockCloud.Registration::type).thenComparing(MockCloud.Registration::name))
                .map(r -> r.type() + " " + r.name().replace(SITE_VERSION, "[site-version]") + " "
                        + gson.toJson(normalise(readable(r))))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static Map<String, Object> readable(MockCloud.Registration registration) {
        Map<String, Object> inputs = new TreeMap<>(registration.inputs());
        if (registration.type().equals("aws:ec2/launchTemplate:LaunchTemplate")) {
            inputs.put("userData", UserDataScripts.decode(registration));
        }
        if (registration.type().equals("aws:s3/bucketObjectv2:BucketObjectv2")) {
            inputs.computeIfPresent("content", (k, v) -> "[site file]");
            inputs.computeIfPresent("contentBase64", (k, v) -> "[site file]");
        }
        return inputs;
    }

    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normalise(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SnapshotTest::normalise).toList();
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return new BigDecimal(number).toBigInteger();
        }
        if (value instanceof String text) {
            return text.replace(MockCloud.RANDOM_PASSWORD, "[secret]")
                    .replace(SITE_VERSION, "[site-version]")
                    .replace("mock-ecr-password", "[secret]");
        }
        return value;
    }
}
