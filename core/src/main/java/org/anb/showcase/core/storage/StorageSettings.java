package org.anb.showcase.core.storage;

import java.util.Optional;

import io.helidon.config.Config;
import org.anb.showcase.core.aws.AwsEndpoint;

/**
 * The {@code storage} config subtree: the media bucket, how to reach it, and where browsers fetch processed media
 * ({@code public-base-url}, the CloudFront origin in AWS; when absent, presigned URLs are handed out instead).
 */
public record StorageSettings(AwsEndpoint endpoint, String bucket, boolean pathStyle, Optional<String> publicBaseUrl) {

    public static StorageSettings from(Config config) {
        return new StorageSettings(
                AwsEndpoint.from(config),
                config.get("bucket").asString().get(),
                config.get("path-style").asBoolean().orElse(false),
                config.get("public-base-url").asString().asOptional().filter(s -> !s.isBlank())
                        .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
    }
}
