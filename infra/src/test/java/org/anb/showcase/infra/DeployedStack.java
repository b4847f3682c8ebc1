package org.anb.showcase.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import org.yaml.snakeyaml.Yaml;

/**
 * The stack as the Pulumi engine would see it for one environment, run in-process under {@link MockCloud} with
 * exactly the committed {@code Pulumi.<stack>.yaml}, nothing added: what a clean CI runner has (or, for the optional
 * keys, that file plus what an operator sets). Each configuration is deployed once per test run.
 */
final class DeployedStack {
    private static final Map<String, DeployedStack> DEPLOYED = new ConcurrentHashMap<>();

    final StackConfig config;
    final TestResult result;
    final List<MockCloud.Registration> registrations;
    /** The arguments of each security-group lookup the program made. */
    final List<java.util.Map<String, Object>> securityGroupLookups;

    private DeployedStack(StackConfig config, TestResult result, List<MockCloud.Registration> registrations,
                          List<java.util.Map<String, Object>> securityGroupLookups) {
        this.securityGroupLookups = securityGroupLookups;
        this.config = config;
        this.result = result;
        this.registrations = registrations;
    }

    static synchronized DeployedStack of(String stack) {
        return DEPLOYED.computeIfAbsent(stack, name -> deploy(name, Map.of()));
    }

    /** The stack with keys an operator would add ({@code pulumi config set anb:<key>}) over the committed file. */
    static synchronized DeployedStack of(String stack, Map<String, String> added) {
        return DEPLOYED.computeIfAbsent(stack + added, name -> deploy(stack, added));
    }

    /** The stack's config as the program reads it: the committed file, with {@code added} over it. */
    static StackConfig config(String stack, Map<String, String> added) {
        return StackConfig.from(key -> Optional.ofNullable(added.get(key))
                .or(() -> Optional.ofNullable(stackFile(stack).get("anb:" + key)).map(String::valueOf)));
    }

    /** What the program reports when it runs against {@code cloud}: its errors and exceptions' messages. */
    static List<String> failures(String stack, Map<String, String> added, MockCloud cloud) {
        try {
            TestResult result = run(stack, config(stack, added), cloud);
            return java.util.stream.Stream.concat(result.errors().stream(),
                    result.exceptions().stream().map(Throwable::getMessage)).toList();
        } catch (Exception e) {
            throw new IllegalStateException("could not run the " + stack + " stack under mocks", e);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static TestResult run(String stack, StackConfig config, MockCloud cloud) throws Exception {
        // runTestAsync + a timeout: a hang in Pulumi's engine fails the test instead of blocking CI.
        return PulumiTest.withMocks(cloud)
                .withOptions(TestOptions.builder().projectName("anb-showcase").stackName(stack).preview(false).build())
                .runTestAsync(ctx -> AnbStack.stack(ctx, config))
                .get(120, TimeUnit.SECONDS);
    }

    private static DeployedStack deploy(String stack, Map<String, String> added) {
        StackConfig config = config(stack, added);
        MockCloud cloud = new MockCloud();
        try {
            TestResult result = run(stack, config, cloud);
            if (!result.errors().isEmpty() || !result.exceptions().isEmpty()) {
                var failure = new IllegalStateException("stack failed: " + result.errors());
                result.exceptions().forEach(failure::addSuppressed);
                throw failure;
            }
            return new DeployedStack(config, result, List.copyOf(cloud.registrations),
                    List.copyOf(cloud.securityGroupLookups));
        } catch (Exception e) {
            throw new IllegalStateException("could not run the " + stack + " stack under mocks", e);
        } finally {
            PulumiTest.cleanup();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stackFile(String stack) {
        Path file = repositoryRoot().resolve("Pulumi." + stack + ".yaml");
        try {
            Map<String, Object> document = new Yaml().load(Files.readString(file));
            return (Map<String, Object>) document.get("config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("Pulumi.yaml")) ? here : here.getParent();
    }

    /** Whether the program gave the resource Pulumi's {@code protect} (the mocks' registrations do not carry it). */
    boolean isProtected(String type, String name) {
        Resource resource = result.resources().stream()
                .filter(r -> r.pulumiResourceType().equals(type) && r.pulumiResourceName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
        try {
            var field = Resource.class.getDeclaredField("protect");
            field.setAccessible(true);
            return field.getBoolean(resource);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Pulumi's Resource no longer keeps `protect` where this test reads it", e);
        }
    }

    <T extends Resource> List<T> all(Class<T> type) {
        return result.resources().stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Resource> T one(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.pulumiResourceName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    List<MockCloud.Registration> registered(String type) {
        return registrations.stream().filter(r -> r.type().equals(type)).toList();
    }

    MockCloud.Registration named(String type, String name) {
        return registered(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    /** The value at a dotted path of a registration's inputs ({@code "metadataOptions.httpTokens"}), or null. */
    @SuppressWarnings("unchecked")
    static Object input(MockCloud.Registration registration, String path) {
        Object current = registration.inputs();
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }

    static <T> T value(Output<T> output) {
        return PulumiTest.extractValue(output);
    }
}
